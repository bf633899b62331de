import AIProdCore
@testable import AIProdMedia
import CFFmpeg

/// The luma plane of one decoded picture, for checks on what a render actually shows.
struct LumaPicture {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    subscript(x: Int, y: Int) -> UInt8 { pixels[y * width + x] }

    /// Mean luma over a rectangle given in fractions of the frame (0…1).
    func mean(x: ClosedRange<Double> = 0...1, y: ClosedRange<Double> = 0...1) -> Double {
        let x0 = Int(x.lowerBound * Double(width)), x1 = max(x0 + 1, Int(x.upperBound * Double(width)))
        let y0 = Int(y.lowerBound * Double(height)), y1 = max(y0 + 1, Int(y.upperBound * Double(height)))
        var sum = 0
        for row in y0..<y1 { for column in x0..<x1 { sum += Int(self[column, row]) } }
        return Double(sum) / Double((x1 - x0) * (y1 - y0))
    }

    /// Mean absolute luma difference to another picture of the same size.
    func difference(to other: LumaPicture) -> Double {
        precondition(width == other.width && height == other.height)
        var sum = 0
        for index in pixels.indices { sum += abs(Int(pixels[index]) - Int(other.pixels[index])) }
        return Double(sum) / Double(pixels.count)
    }
}

/// Decodes a video file's pictures in order (test-only: uses the engine's internal decoder).
enum DecodedVideo {
    /// Luma of the pictures at the given indices (0-based, decode order of presentation).
    static func luma(of path: String, frames wanted: Set<Int>) throws -> [Int: LumaPicture] {
        let input = try InputFile(path: path, limits: MediaLimits())
        guard let stream = input.bestStream(AVMEDIA_TYPE_VIDEO) else { throw MediaError(.noStream, file: path, "no video") }
        let decoder = try StreamDecoder(input: input, streamIndex: stream, threads: 1)
        let frame = Frame()
        var pictures: [Int: LumaPicture] = [:]
        var index = 0
        let last = wanted.max() ?? -1
        while index <= last, try decoder.next(into: frame) {
            if wanted.contains(index) {
                precondition(frame.pointer.pointee.format == AV_PIX_FMT_YUV420P.rawValue || frame.pointer.pointee.format == AV_PIX_FMT_YUVJ420P.rawValue)
                let width = Int(frame.width), height = Int(frame.height)
                let plane = frame.plane(0), stride = frame.stride(0)
                var pixels = [UInt8](repeating: 0, count: width * height)
                for row in 0..<height {
                    for column in 0..<width { pixels[row * width + column] = plane[row * stride + column] }
                }
                pictures[index] = LumaPicture(width: width, height: height, pixels: pixels)
            }
            index += 1
        }
        return pictures
    }

    /// Luma of one picture.
    static func luma(of path: String, frame: Int) throws -> LumaPicture {
        guard let picture = try luma(of: path, frames: [frame])[frame] else {
            throw MediaError(.decodeFailed, file: path, "frame \(frame) not found")
        }
        return picture
    }
}
