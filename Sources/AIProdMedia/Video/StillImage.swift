import AIProdCore
import CFFmpeg

/// Decodes the picture of an image file (JPEG, PNG, WebP, BMP, TIFF, … or the first frame of
/// a video) once.
enum StillImage {
    static func decode(path: String, limits: MediaLimits) throws(MediaError) -> Frame {
        let input = try InputFile(path: path, limits: limits)
        guard let stream = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw MediaError(.noStream, file: path, "is not an image (no picture in it)")
        }
        let decoder = try StreamDecoder(input: input, streamIndex: stream, threads: 1)
        let frame = Frame()
        guard try decoder.next(into: frame), frame.width > 0, frame.height > 0 else {
            throw MediaError(.decodeFailed, file: path, "no picture could be decoded (truncated or damaged file)")
        }
        return frame
    }
}
