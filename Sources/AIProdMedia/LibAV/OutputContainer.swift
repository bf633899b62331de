import CFFmpeg

/// Owns an output `AVFormatContext` and its file: streams are added for encoders, packets are
/// rescaled to each stream's time base (the muxer may change it at the header) and interleaved.
final class OutputContainer {
    let path: String
    let format: UnsafeMutablePointer<AVFormatContext>
    private var fileOpen = false
    private var finished = false

    /// - Parameter formatName: a muxer name (`mp4`, `wav`, `ogg`, `image2`…), or nil to guess from the path.
    init(path: String, formatName: String?) throws(MediaError) {
        _ = LibAV.configured
        self.path = path
        var context: UnsafeMutablePointer<AVFormatContext>?
        try LibAV.check(avformat_alloc_output_context2(&context, nil, formatName, path), .writeFailed, file: path, "cannot set up the output")
        format = context!
    }

    deinit {
        if fileOpen { avio_closep(&format.pointee.pb) }
        avformat_free_context(format)
    }

    /// Encoders must know before they open whether the container wants global headers.
    var wantsGlobalHeader: Bool { format.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER != 0 }

    func addStream(for encoder: Encoder) throws(MediaError) -> UnsafeMutablePointer<AVStream> {
        guard let stream = avformat_new_stream(format, nil) else { fatalError("avformat_new_stream: out of memory") }
        try LibAV.check(avcodec_parameters_from_context(stream.pointee.codecpar, encoder.codec), .writeFailed, file: path, "stream parameters")
        stream.pointee.time_base = encoder.codec.pointee.time_base
        return stream
    }

    func open(options: [String: String] = [:]) throws(MediaError) {
        if format.pointee.oformat.pointee.flags & AVFMT_NOFILE == 0 {
            try LibAV.check(avio_open(&format.pointee.pb, path, AVIO_FLAG_WRITE), .writeFailed, file: path, "cannot open for writing")
            fileOpen = true
        }
        var dictionary: OpaquePointer?
        for (key, value) in options { av_dict_set(&dictionary, key, value, 0) }
        let written = avformat_write_header(format, &dictionary)
        av_dict_free(&dictionary)
        try LibAV.check(written, .writeFailed, file: path, "cannot write the header")
    }

    func write(_ packet: Packet, from encoder: Encoder, to stream: UnsafeMutablePointer<AVStream>) throws(MediaError) {
        av_packet_rescale_ts(packet.pointer, encoder.codec.pointee.time_base, stream.pointee.time_base)
        packet.pointer.pointee.stream_index = stream.pointee.index
        try LibAV.check(av_interleaved_write_frame(format, packet.pointer), .writeFailed, file: path, "cannot write (disk full?)")
    }

    func finish() throws(MediaError) {
        guard !finished else { return }
        finished = true
        try LibAV.check(av_write_trailer(format), .writeFailed, file: path, "cannot finish the file")
        if fileOpen {
            try LibAV.check(avio_closep(&format.pointee.pb), .writeFailed, file: path, "cannot close the file")
            fileOpen = false
        }
    }
}
