import CFFmpeg

extension Frame {
    /// A new yuv420p picture with its own buffers.
    static func yuv420p(width: Int32, height: Int32) -> Frame {
        let frame = Frame()
        frame.pointer.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        frame.pointer.pointee.width = width
        frame.pointer.pointee.height = height
        guard av_frame_get_buffer(frame.pointer, 32) >= 0 else { fatalError("av_frame_get_buffer: out of memory") }
        return frame
    }

    var width: Int32 { pointer.pointee.width }
    var height: Int32 { pointer.pointee.height }

    func plane(_ index: Int) -> UnsafeMutablePointer<UInt8> {
        withUnsafeBytes(of: pointer.pointee.data) { $0.bindMemory(to: UnsafeMutablePointer<UInt8>?.self)[index]! }
    }

    func stride(_ index: Int) -> Int {
        withUnsafeBytes(of: pointer.pointee.linesize) { Int($0.bindMemory(to: Int32.self)[index]) }
    }

    /// Paints a yuv420p frame one colour (BT.601 limited range, as libavfilter's sources do).
    func fill(red: UInt8, green: UInt8, blue: UInt8) {
        let (r, g, b) = (Double(red), Double(green), Double(blue))
        let luma = UInt8(clamping: Int((16 + 0.257 * r + 0.504 * g + 0.098 * b).rounded()))
        let cb = UInt8(clamping: Int((128 - 0.148 * r - 0.291 * g + 0.439 * b).rounded()))
        let cr = UInt8(clamping: Int((128 + 0.439 * r - 0.368 * g - 0.071 * b).rounded()))
        let sizes = [(Int(height), luma), (Int(height + 1) / 2, cb), (Int(height + 1) / 2, cr)]
        for (index, (rows, value)) in sizes.enumerated() {
            plane(index).update(repeating: value, count: rows * stride(index))
        }
    }
}
