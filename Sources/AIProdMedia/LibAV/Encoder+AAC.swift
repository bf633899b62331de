import CFFmpeg

extension Encoder {
    /// Highest frequency the AAC encoder keeps. Fixed (its own default falls with the bit rate,
    /// to ~16 kHz at 160 kbit/s), so mastering can measure exactly the band that will be kept.
    static let aacCutoff: Int32 = 20_000

    /// libavcodec's native AAC encoder at 48 kHz stereo, planar float in, 1024-sample frames.
    static func aac(bitrateKbps: Int, globalHeader: Bool) throws(MediaError) -> Encoder {
        try Encoder(name: "aac") { codec in
            codec.pointee.sample_fmt = AV_SAMPLE_FMT_FLTP
            codec.pointee.sample_rate = 48_000
            codec.pointee.ch_layout = aiprod_layout_stereo()
            codec.pointee.bit_rate = Int64(bitrateKbps) * 1000
            codec.pointee.time_base = AVRational(num: 1, den: 48_000)
            codec.pointee.cutoff = aacCutoff
            if globalHeader { codec.pointee.flags |= AV_CODEC_FLAG_GLOBAL_HEADER }
        }
    }
}
