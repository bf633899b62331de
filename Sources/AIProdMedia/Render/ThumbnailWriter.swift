import AIProdCore
import CFFmpeg
import Foundation

/// Grabs one frame of a video at a time and writes it as a JPEG (atomically).
public struct ThumbnailWriter: Sendable {
    public init() {}

    /// - Parameter seconds: the time to grab; clamped into the video.
    public func write(video path: String, at seconds: Double, to destination: String) throws(MediaError) {
        try AtomicOutput.write(try Self.jpeg(try Self.frame(of: path, at: seconds)), to: destination)
    }

    /// The first decoded picture at or after `seconds` (clamped into the video).
    static func frame(of path: String, at seconds: Double) throws(MediaError) -> Frame {
        let input = try InputFile(path: path, limits: MediaLimits())
        guard let index = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw MediaError(.noStream, file: path, "has no video to take a picture from")
        }
        let decoder = try StreamDecoder(input: input, streamIndex: index, threads: 1)
        let target = max(0, min(seconds, (input.duration ?? seconds) - 0.05))
        if target > 0 {
            try input.seek(streamIndex: index, toSeconds: target)
            decoder.flushAfterSeek()
        }
        let timeBase = decoder.timeBase
        let frame = Frame()
        var picture: Frame?
        while try decoder.next(into: frame) {
            picture = frame.take()
            let pts = picture!.pointer.pointee.best_effort_timestamp
            if pts == LibAV.noPTS || Double(pts) * Double(timeBase.num) / Double(timeBase.den) >= target - 1e-3 { break }
        }
        guard let picture else { throw MediaError(.decodeFailed, file: path, "no frame could be decoded at \(seconds) s") }
        return picture
    }

    static func jpeg(_ picture: Frame) throws(MediaError) -> Data {
        let width = picture.width, height = picture.height
        let converted = Frame()
        converted.pointer.pointee.format = AV_PIX_FMT_YUVJ420P.rawValue
        converted.pointer.pointee.width = width
        converted.pointer.pointee.height = height
        guard av_frame_get_buffer(converted.pointer, 32) >= 0 else { fatalError("av_frame_get_buffer: out of memory") }
        try Scaler(from: picture, width: width, height: height, format: AV_PIX_FMT_YUVJ420P, flags: SWS_BICUBIC).scale(picture, into: converted)
        converted.pointer.pointee.pts = 0
        let encoder = try Encoder(name: "mjpeg") { codec in
            codec.pointee.width = width
            codec.pointee.height = height
            codec.pointee.pix_fmt = AV_PIX_FMT_YUVJ420P
            codec.pointee.time_base = AVRational(num: 1, den: 25)
            codec.pointee.flags |= AV_CODEC_FLAG_QSCALE
            codec.pointee.global_quality = 3 * FF_QP2LAMBDA
        }
        converted.pointer.pointee.quality = 3 * FF_QP2LAMBDA
        var data = Data()
        try encoder.encode(converted) { packet throws(MediaError) in
            data.append(packet.pointer.pointee.data, count: Int(packet.pointer.pointee.size))
        }
        try encoder.encode(nil) { packet throws(MediaError) in
            data.append(packet.pointer.pointee.data, count: Int(packet.pointer.pointee.size))
        }
        return data
    }
}
