import CFFmpeg
import Foundation

/// Writes media made by libavfilter's sources (`testsrc2`, `mandelbrot`, `sine`, `anoisesrc`,
/// `aevalsrc`…) through any encoder and container libav has. Tests and benchmarks make their
/// inputs with it instead of committing binary fixtures.
public struct SyntheticMedia: Sendable {
    public var videoCodec: String
    public var audioCodec: String
    /// Muxer name; nil guesses from the file extension.
    public var container: String?

    public init(videoCodec: String = "libx264", audioCodec: String = "aac", container: String? = nil) {
        self.videoCodec = videoCodec
        self.audioCodec = audioCodec
        self.container = container
    }

    /// Renders `video` and/or `audio` source chains (bounded: give them a duration) to `path`.
    /// Audio is resampled to `sampleRate` (48 kHz unless told); `channels` 1 or 2.
    /// `cancellation` is looked at before every frame pulled from the graph.
    public func write(video: String? = nil, audio: String? = nil, channels: Int32 = 2, sampleRate: Int32 = 48_000, to path: String,
                      cancellation: RenderCancellation = RenderCancellation()) throws(MediaError) {
        precondition(video != nil || audio != nil, "nothing to write")
        let videoEncoder = video.map { _ in avcodec_find_encoder_by_name(videoCodec) } ?? nil
        let audioEncoder = audio.map { _ in avcodec_find_encoder_by_name(audioCodec) } ?? nil
        if video != nil, videoEncoder == nil { throw MediaError(.encodeFailed, "no encoder \(videoCodec)") }
        if audio != nil, audioEncoder == nil { throw MediaError(.encodeFailed, "no encoder \(audioCodec)") }
        var chains: [String] = []
        var sinks: [(String, FilterGraph.Sink)] = []
        if let video, let codec = videoEncoder {
            let format = Self.pixelFormat(of: codec)
            chains.append("\(video)[v]")
            sinks.append(("v", .video(pixelFormat: format)))
        }
        if let audio, let codec = audioEncoder {
            let format = codec.pointee.sample_fmts?.pointee ?? AV_SAMPLE_FMT_FLTP
            chains.append("\(audio),aresample=\(sampleRate)[a]")
            sinks.append(("a", .audio(format: format, sampleRate: sampleRate, channels: channels, frameSize: nil)))
        }
        let graph = try FilterGraph(description: chains.joined(separator: ";"), sources: [], sinks: sinks, threads: 1)
        let output = try OutputContainer(path: path, formatName: container)
        let globalHeader = output.wantsGlobalHeader

        var tracks: [(sink: String, encoder: Encoder, stream: UnsafeMutablePointer<AVStream>)] = []
        if let codec = videoEncoder {
            let (width, height) = graph.sinkSize("v")
            var rate = graph.sinkFrameRate("v")
            if rate.num <= 0 { rate = AVRational(num: 25, den: 1) }
            let format = Self.pixelFormat(of: codec)
            let encoder = try Encoder(name: videoCodec, options: videoCodec == "libx264" ? ["preset": "ultrafast"] : [:]) { context in
                context.pointee.width = width
                context.pointee.height = height
                context.pointee.pix_fmt = format
                context.pointee.time_base = graph.sinkTimeBase("v")
                context.pointee.framerate = rate
                context.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
                if format == AV_PIX_FMT_YUVJ420P {
                    context.pointee.flags |= AV_CODEC_FLAG_QSCALE
                    context.pointee.global_quality = 4 * FF_QP2LAMBDA
                }
                if globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
            }
            tracks.append(("v", encoder, try output.addStream(for: encoder)))
        }
        if let codec = audioEncoder {
            let format = codec.pointee.sample_fmts?.pointee ?? AV_SAMPLE_FMT_FLTP
            let encoder = try Encoder(name: audioCodec) { context in
                context.pointee.sample_fmt = format
                context.pointee.sample_rate = sampleRate
                context.pointee.ch_layout = channels == 1 ? aiprod_layout_mono() : aiprod_layout_stereo()
                context.pointee.time_base = AVRational(num: 1, den: sampleRate)
                if globalHeader { context.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
            }
            let variable = codec.pointee.capabilities & Int32(AV_CODEC_CAP_VARIABLE_FRAME_SIZE) != 0
            if encoder.codec.pointee.frame_size > 0, !variable { graph.setFrameSize(encoder.codec.pointee.frame_size, sink: "a") }
            tracks.append(("a", encoder, try output.addStream(for: encoder)))
        }
        try output.open()
        let frame = Frame()
        for track in tracks {
            while try graph.pull(from: track.sink, into: frame) == .frame {
                try cancellation.check()
                if track.sink == "v" { frame.pointer.pointee.pict_type = AV_PICTURE_TYPE_NONE }
                if track.sink == "v", frame.pointer.pointee.format == AV_PIX_FMT_YUVJ420P.rawValue {
                    frame.pointer.pointee.quality = 4 * FF_QP2LAMBDA
                }
                try track.encoder.encode(frame) { packet throws(MediaError) in
                    if packet.pointer.pointee.duration == 0, track.sink == "v" { packet.pointer.pointee.duration = 1 }
                    try output.write(packet, from: track.encoder, to: track.stream)
                }
            }
            try track.encoder.encode(nil) { packet throws(MediaError) in
                // Flushed packets need a duration too, or the muxer hides the last frame.
                if packet.pointer.pointee.duration == 0, track.sink == "v" { packet.pointer.pointee.duration = 1 }
                try output.write(packet, from: track.encoder, to: track.stream)
            }
        }
        try output.finish()
    }

    /// The encoder's first pixel format with an alpha channel, else its first: a PNG made from
    /// a `format=rgba` source keeps its transparency (a watermark) instead of becoming RGB.
    static func pixelFormat(of codec: UnsafePointer<AVCodec>) -> AVPixelFormat {
        guard var format = codec.pointee.pix_fmts else { return AV_PIX_FMT_YUV420P }
        let first = format.pointee
        while format.pointee != AV_PIX_FMT_NONE {
            if let descriptor = av_pix_fmt_desc_get(format.pointee), descriptor.pointee.flags & UInt64(AV_PIX_FMT_FLAG_ALPHA) != 0 {
                return format.pointee
            }
            format += 1
        }
        return first
    }

    /// One still picture (`.jpg` with mjpeg, `.png` with png) from a video source chain.
    public static func image(_ source: String, to path: String) throws(MediaError) {
        let codec = path.lowercased().hasSuffix(".png") ? "png" : "mjpeg"
        try SyntheticMedia(videoCodec: codec, container: "image2").write(video: "\(source),trim=end_frame=1", to: path)
    }
}
