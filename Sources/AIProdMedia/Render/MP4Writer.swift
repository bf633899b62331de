import AIProdCore
import CFFmpeg

/// The render's output: H.264 (libx264, yuv420p) and AAC (48 kHz stereo) in MP4 with
/// `+faststart`, so a browser can play it while downloading.
final class MP4Writer {
    private let container: OutputContainer
    private let video: Encoder
    private let audio: Encoder
    private let videoStream: UnsafeMutablePointer<AVStream>
    private let audioStream: UnsafeMutablePointer<AVStream>

    init(path: String, output: OutputSettings, threads: Int32 = 0) throws(MediaError) {
        container = try OutputContainer(path: path, formatName: "mp4")
        let globalHeader = container.wantsGlobalHeader
        let fps = output.fps
        let encoding = output.encoding
        let keyframeInterval = Int32(max(1, (fps * Rational(2)).rounded(toUnitsOf: Rational(1))))
        video = try Encoder(name: "libx264", options: ["preset": encoding.preset, "crf": "\(encoding.crf)", "profile": "high"]) { codec in
            codec.pointee.width = Int32(output.width)
            codec.pointee.height = Int32(output.height)
            codec.pointee.pix_fmt = AV_PIX_FMT_YUV420P
            codec.pointee.time_base = AVRational(num: Int32(fps.denominator), den: Int32(fps.numerator))
            codec.pointee.framerate = AVRational(num: Int32(fps.numerator), den: Int32(fps.denominator))
            codec.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
            codec.pointee.gop_size = keyframeInterval
            codec.pointee.thread_count = threads
            if globalHeader { codec.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
        audio = try Encoder.aac(bitrateKbps: encoding.audioBitrateKbps, globalHeader: globalHeader)
        videoStream = try container.addStream(for: video)
        audioStream = try container.addStream(for: audio)
        try container.open(options: ["movflags": "+faststart"])
    }

    func writeVideo(_ frame: Frame?) throws(MediaError) {
        try video.encode(frame) { packet throws(MediaError) in
            // Every frame lasts one frame: without a duration the muxer gives the last one zero
            // length and the edit list hides it.
            if packet.pointer.pointee.duration == 0 { packet.pointer.pointee.duration = 1 }
            try container.write(packet, from: video, to: videoStream)
        }
    }

    func writeAudio(_ frame: Frame?) throws(MediaError) {
        try audio.encode(frame) { packet throws(MediaError) in try container.write(packet, from: audio, to: audioStream) }
    }

    /// Flushes both encoders and writes the trailer (the faststart pass moves the index up).
    func finish() throws(MediaError) {
        try writeVideo(nil)
        try writeAudio(nil)
        try container.finish()
    }
}
