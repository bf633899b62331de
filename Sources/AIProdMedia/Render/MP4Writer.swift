import AIProdCore
import CFFmpeg

/// Owns the output `AVFormatContext` and both encoders: H.264 (libx264, yuv420p) and AAC
/// (48 kHz stereo) into MP4 with `+faststart`, so a browser can play it while downloading.
final class MP4Writer {
    let path: String
    private let format: UnsafeMutablePointer<AVFormatContext>
    private let video: Encoder
    private let audio: Encoder
    private let videoStream: UnsafeMutablePointer<AVStream>
    private let audioStream: UnsafeMutablePointer<AVStream>
    private var fileOpen = false
    private var finished = false

    init(path: String, output: OutputSettings, threads: Int32 = 0) throws(MediaError) {
        _ = LibAV.configured
        self.path = path
        var context: UnsafeMutablePointer<AVFormatContext>?
        try LibAV.check(avformat_alloc_output_context2(&context, nil, "mp4", path), .writeFailed, file: path, "cannot set up MP4 output")
        format = context!
        let globalHeader = format.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0
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
        audio = try Encoder(name: "aac") { codec in
            codec.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
            codec.pointee.sample_rate = 48_000
            codec.pointee.ch_layout = aiprod_layout_stereo()
            codec.pointee.bit_rate = Int64(encoding.audioBitrateKbps) * 1000
            codec.pointee.time_base = AVRational(num: 1, den: 48_000)
            if globalHeader { codec.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
        videoStream = try Self.addStream(format, encoder: video, path: path)
        audioStream = try Self.addStream(format, encoder: audio, path: path)
        try LibAV.check(avio_open(&format.pointee.pb, path, AVIO_FLAG_WRITE), .writeFailed, file: path, "cannot open for writing")
        fileOpen = true
        var options: OpaquePointer?
        av_dict_set(&options, "movflags", "+faststart", 0)
        let written = avformat_write_header(format, &options)
        av_dict_free(&options)
        try LibAV.check(written, .writeFailed, file: path, "cannot write the MP4 header")
    }

    deinit {
        if fileOpen { avio_closep(&format.pointee.pb) }
        avformat_free_context(format)
    }

    /// The encoder wants 1024-sample frames (AAC).
    var audioFrameSize: Int32 { audio.codec.pointee.frame_size }

    func writeVideo(_ frame: Frame?) throws(MediaError) {
        try video.encode(frame) { packet throws(MediaError) in try self.mux(packet, from: video, to: videoStream) }
    }

    func writeAudio(_ frame: Frame?) throws(MediaError) {
        try audio.encode(frame) { packet throws(MediaError) in try self.mux(packet, from: audio, to: audioStream) }
    }

    /// Flushes both encoders and writes the trailer (the faststart pass moves the index up).
    func finish() throws(MediaError) {
        guard !finished else { return }
        finished = true
        try writeVideo(nil)
        try writeAudio(nil)
        try LibAV.check(av_write_trailer(format), .writeFailed, file: path, "cannot finish the MP4")
        try LibAV.check(avio_closep(&format.pointee.pb), .writeFailed, file: path, "cannot close the file")
        fileOpen = false
    }

    private func mux(_ packet: Packet, from encoder: Encoder, to stream: UnsafeMutablePointer<AVStream>) throws(MediaError) {
        // Every video frame lasts one frame: without a duration the muxer gives the last one
        // zero length and the edit list hides it.
        if packet.pointer.pointee.duration == 0, encoder === video { packet.pointer.pointee.duration = 1 }
        av_packet_rescale_ts(packet.pointer, encoder.codec.pointee.time_base, stream.pointee.time_base)
        packet.pointer.pointee.stream_index = stream.pointee.index
        try LibAV.check(av_interleaved_write_frame(format, packet.pointer), .writeFailed, file: path, "cannot write to the MP4 (disk full?)")
    }

    private static func addStream(_ format: UnsafeMutablePointer<AVFormatContext>, encoder: Encoder, path: String) throws(MediaError) -> UnsafeMutablePointer<AVStream> {
        guard let stream = avformat_new_stream(format, nil) else { fatalError("avformat_new_stream: out of memory") }
        try LibAV.check(avcodec_parameters_from_context(stream.pointee.codecpar, encoder.codec), .writeFailed, file: path, "stream parameters")
        stream.pointee.time_base = encoder.codec.pointee.time_base
        return stream
    }
}
