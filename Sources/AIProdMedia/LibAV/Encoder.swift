import CFFmpeg

/// Owns an encoder's `AVCodecContext`: frames in, packets out.
final class Encoder {
    let codec: UnsafeMutablePointer<AVCodecContext>
    let name: String

    /// - Parameter configure: sets size, format, rate, time base… before `avcodec_open2`.
    init(name: String, options: [String: String] = [:], configure: (UnsafeMutablePointer<AVCodecContext>) -> Void) throws(MediaError) {
        _ = LibAV.configured
        guard let encoder = avcodec_find_encoder_by_name(name) else {
            throw MediaError(.encodeFailed, "encoder \(name) is not available in this libavcodec")
        }
        guard let context = avcodec_alloc_context3(encoder) else { fatalError("avcodec_alloc_context3: out of memory") }
        codec = context
        self.name = name
        configure(context)
        var dictionary: OpaquePointer?
        for (key, value) in options { av_dict_set(&dictionary, key, value, 0) }
        let opened = avcodec_open2(context, encoder, &dictionary)
        av_dict_free(&dictionary)
        try LibAV.check(opened, .encodeFailed, "cannot open encoder \(name)")
    }

    deinit {
        var owned: UnsafeMutablePointer<AVCodecContext>? = codec
        avcodec_free_context(&owned)
    }

    /// Sends a frame (nil flushes) and hands every packet that comes out to `write`.
    func encode(_ frame: Frame?, write: (Packet) throws(MediaError) -> Void) throws(MediaError) {
        try LibAV.check(avcodec_send_frame(codec, frame?.pointer), .encodeFailed, "\(name) rejected a frame")
        let packet = Packet()
        while true {
            let result = avcodec_receive_packet(codec, packet.pointer)
            if result == LibAV.eagain || result == LibAV.eof { return }
            try LibAV.check(result, .encodeFailed, "\(name) failed")
            try write(packet)
            packet.unref()
        }
    }
}
