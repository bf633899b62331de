import CFFmpeg

/// Owns a `SwsContext` for one conversion: a decoded picture to yuv420p (or another format)
/// at a new size, with a high-quality filter since each still is scaled only once.
final class Scaler {
    let context: OpaquePointer

    init(from source: Frame, width: Int32, height: Int32, format: AVPixelFormat, flags: Int32 = SWS_LANCZOS | SWS_ACCURATE_RND) throws(MediaError) {
        let input = source.pointer.pointee
        guard let context = sws_getContext(
            input.width, input.height, AVPixelFormat(rawValue: input.format),
            width, height, format, flags, nil, nil, nil)
        else {
            throw MediaError(.decodeFailed, "cannot convert a \(input.width)x\(input.height) picture to \(width)x\(height)")
        }
        self.context = context
    }

    deinit { sws_freeContext(context) }

    /// Scales the whole of `source` into `destination` at a pixel offset (even, for yuv420p).
    func scale(_ source: Frame, into destination: Frame, x: Int32 = 0, y: Int32 = 0) {
        let input = source.pointer.pointee
        var planes = [UnsafeMutablePointer<UInt8>?](repeating: nil, count: 4)
        var strides = [Int32](repeating: 0, count: 4)
        withUnsafeBytes(of: destination.pointer.pointee.data) { raw in
            let data = raw.bindMemory(to: UnsafeMutablePointer<UInt8>?.self)
            withUnsafeBytes(of: destination.pointer.pointee.linesize) { rawStrides in
                let lines = rawStrides.bindMemory(to: Int32.self)
                for plane in 0..<3 {
                    let shift: Int32 = plane == 0 ? 0 : 1
                    strides[plane] = lines[plane]
                    planes[plane] = data[plane].map { $0 + Int((y >> shift) * lines[plane] + (x >> shift)) }
                }
            }
        }
        withUnsafeBytes(of: input.data) { rawSource in
            let sourcePlanes = rawSource.bindMemory(to: UnsafePointer<UInt8>?.self)
            withUnsafeBytes(of: input.linesize) { rawSourceStrides in
                let sourceStrides = rawSourceStrides.bindMemory(to: Int32.self)
                _ = sws_scale(context, sourcePlanes.baseAddress, sourceStrides.baseAddress, 0, input.height,
                              planes, strides)
            }
        }
    }
}
