import CFFmpeg

/// Decodes one stream of an ``InputFile`` into frames: reads packets, skips other streams,
/// flushes the decoder at the end. Owns its `AVCodecContext`.
final class StreamDecoder {
    let input: InputFile
    let streamIndex: Int
    let codec: UnsafeMutablePointer<AVCodecContext>
    private let packet = Packet()
    private var inputDone = false
    private var flushed = false
    /// End (pts + duration) of the last packet of this stream read, in its time base.
    private var readEnd = Int64.min
    /// How far short of its declared duration a stream may end before it counts as truncated.
    static let truncationTolerance = 0.5

    init(input: InputFile, streamIndex: Int, threads: Int32 = 0) throws(MediaError) {
        self.input = input
        self.streamIndex = streamIndex
        let stream = input.stream(streamIndex)
        guard let parameters = stream.pointee.codecpar,
              let decoder = avcodec_find_decoder(parameters.pointee.codec_id) else {
            throw MediaError(.notMedia, file: input.path, "no decoder for stream \(streamIndex)")
        }
        guard let context = avcodec_alloc_context3(decoder) else { fatalError("avcodec_alloc_context3: out of memory") }
        codec = context
        try LibAV.check(avcodec_parameters_to_context(context, parameters), .decodeFailed, file: input.path, "decoder parameters")
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.thread_count = threads
        // The header's size was checked against the limits; this holds the decoder to them
        // when a frame claims another size than the header did.
        context.pointee.max_pixels = input.maxPixels(stream: streamIndex)
        try LibAV.check(avcodec_open2(context, decoder, nil), .decodeFailed, file: input.path, "cannot open decoder \(LibAV.string(decoder.pointee.name) ?? "?")")
    }

    deinit {
        var owned: UnsafeMutablePointer<AVCodecContext>? = codec
        avcodec_free_context(&owned)
    }

    var timeBase: AVRational { input.stream(streamIndex).pointee.time_base }

    /// Decodes the next frame into `frame`; false when the stream is finished.
    func next(into frame: Frame) throws(MediaError) -> Bool {
        while true {
            frame.unref()
            let received = avcodec_receive_frame(codec, frame.pointer)
            if received == 0 { return true }
            if received == LibAV.eof { return false }
            if received != LibAV.eagain {
                try LibAV.check(received, .decodeFailed, file: input.path, "decode error")
            }
            if inputDone {
                if flushed { return false }
                flushed = true
                _ = avcodec_send_packet(codec, nil)
                continue
            }
            try feedOnePacket()
        }
    }

    /// A stream that ends well before the duration its index declares was cut short (a truncated
    /// copy or download): libav reads that as a normal end, so it is reported here instead of
    /// rendering silence or a frozen picture. Durations merely estimated from the bit rate are
    /// not trusted.
    private func checkComplete() throws(MediaError) {
        let stream = input.stream(streamIndex).pointee
        guard readEnd != Int64.min, stream.duration != LibAV.noPTS, stream.duration > 0, stream.time_base.num > 0, stream.time_base.den > 0,
              input.context.pointee.duration_estimation_method != AVFMT_DURATION_FROM_BITRATE else { return }
        let timeBase = stream.time_base
        let start = stream.start_time == LibAV.noPTS ? 0 : stream.start_time
        let declared = (Double(start) + Double(stream.duration)) * Double(timeBase.num) / Double(timeBase.den)
        let read = Double(readEnd) * Double(timeBase.num) / Double(timeBase.den)
        if declared - read > Self.truncationTolerance {
            throw MediaError(.decodeFailed, file: input.path,
                             "stream \(streamIndex) is \((read * 100).rounded() / 100) s long, but the file declares \((declared * 100).rounded() / 100) s: it is truncated or damaged")
        }
    }

    /// Drops frames and restarts decoding after a seek.
    func flushAfterSeek() {
        avcodec_flush_buffers(codec)
        inputDone = false
        flushed = false
    }

    private func feedOnePacket() throws(MediaError) {
        while true {
            packet.unref()
            guard try input.read(into: packet) else {
                inputDone = true
                try checkComplete()
                return
            }
            guard Int(packet.pointer.pointee.stream_index) == streamIndex else { continue }
            let stamp = packet.pointer.pointee.pts != LibAV.noPTS ? packet.pointer.pointee.pts : packet.pointer.pointee.dts
            if stamp != LibAV.noPTS {
                // Stamps come from the file: an end past Int64 saturates instead of trapping.
                let (end, overflow) = stamp.addingReportingOverflow(max(packet.pointer.pointee.duration, 0))
                readEnd = max(readEnd, overflow ? Int64.max : end)
            }
            let sent = avcodec_send_packet(codec, packet.pointer)
            packet.unref()
            if sent == LibAV.eagain || sent == 0 { return }
            // A damaged packet inside an otherwise readable file: libav conceals what it can,
            // so the render continues; a file that cannot be read at all failed earlier.
            if sent == aiprod_averror(EINVAL) {
                try LibAV.check(sent, .decodeFailed, file: input.path, "decoder rejected a packet")
            }
            return
        }
    }
}
