import AIProdCore
import CFFmpeg

/// The mean colour of part of one decoded picture of a video: what a check needs to tell which
/// picture a rendered scene shows (a served still of a known colour, a title card) without
/// comparing encoded bytes.
public struct FrameColour: Sendable, Hashable {
    public var red: Double
    public var green: Double
    public var blue: Double

    /// The mean RGB (0…255) of the region (fractions of the frame, 0…1) of the picture at
    /// `seconds`.
    public static func mean(video path: String, at seconds: Double, x: ClosedRange<Double> = 0...1,
                            y: ClosedRange<Double> = 0...1) throws(MediaError) -> FrameColour {
        let picture = try ThumbnailWriter.frame(of: path, at: seconds)
        let width = picture.width, height = picture.height
        let rgb = Frame()
        rgb.pointer.pointee.format = AV_PIX_FMT_RGB24.rawValue
        rgb.pointer.pointee.width = width
        rgb.pointer.pointee.height = height
        guard av_frame_get_buffer(rgb.pointer, 32) >= 0 else { fatalError("av_frame_get_buffer: out of memory") }
        try Scaler(from: picture, width: width, height: height, format: AV_PIX_FMT_RGB24, flags: SWS_POINT).scale(picture, into: rgb)
        let x0 = Int(x.lowerBound * Double(width)), x1 = max(x0 + 1, Int(x.upperBound * Double(width)))
        let y0 = Int(y.lowerBound * Double(height)), y1 = max(y0 + 1, Int(y.upperBound * Double(height)))
        let plane = rgb.plane(0), stride = rgb.stride(0)
        var sums = (0, 0, 0)
        for row in y0..<min(y1, Int(height)) {
            for column in x0..<min(x1, Int(width)) {
                let offset = row * stride + column * 3
                sums.0 += Int(plane[offset])
                sums.1 += Int(plane[offset + 1])
                sums.2 += Int(plane[offset + 2])
            }
        }
        let count = Double(max(1, (min(y1, Int(height)) - y0) * (min(x1, Int(width)) - x0)))
        return FrameColour(red: Double(sums.0) / count, green: Double(sums.1) / count, blue: Double(sums.2) / count)
    }

    /// The largest difference of one channel to (`red`, `green`, `blue`).
    public func distance(red: Double, green: Double, blue: Double) -> Double {
        max(abs(self.red - red), abs(self.green - green), abs(self.blue - blue))
    }
}
