import CFFmpeg

/// Owns a `SwrContext` converting decoded audio of any layout, format and rate to interleaved
/// float at 48 kHz with one or two channels.
final class Resampler {
    let context: OpaquePointer
    let outputChannels: Int32

    init(from frame: Frame, outputChannels: Int32, outputRate: Int32) throws(MediaError) {
        var output = outputChannels == 1 ? aiprod_layout_mono() : aiprod_layout_stereo()
        var context: OpaquePointer?
        let input = frame.pointer
        var inputLayout = input.pointee.ch_layout
        if inputLayout.order == AV_CHANNEL_ORDER_UNSPEC {
            av_channel_layout_default(&inputLayout, inputLayout.nb_channels)
        }
        let result = swr_alloc_set_opts2(
            &context, &output, AV_SAMPLE_FMT_FLT, outputRate,
            &inputLayout, AVSampleFormat(rawValue: input.pointee.format), input.pointee.sample_rate, 0, nil)
        guard result >= 0, let context else {
            throw MediaError(.decodeFailed, "cannot convert this audio (\(LibAV.message(result)))")
        }
        self.context = context
        self.outputChannels = outputChannels
        try LibAV.check(swr_init(context), .decodeFailed, "cannot initialise the resampler")
    }

    deinit {
        var owned: OpaquePointer? = context
        swr_free(&owned)
    }

    /// Converts `frame` (or flushes, when nil), appending interleaved samples to `output`.
    func convert(_ frame: Frame?, appendingTo output: inout [Float]) throws(MediaError) {
        let inputSamples = frame.map { $0.pointer.pointee.nb_samples } ?? 0
        let capacity = swr_get_out_samples(context, inputSamples) + 32
        guard capacity > 0 else { return }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: Int(capacity * outputChannels)))
        let converted: Int32 = output.withUnsafeMutableBufferPointer { buffer in
            var destination: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(buffer.baseAddress! + start)
                .assumingMemoryBound(to: UInt8.self)
            if let frame {
                let source = UnsafeMutableRawPointer(frame.pointer.pointee.extended_data!)
                    .assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
                return swr_convert(context, &destination, capacity, source, inputSamples)
            }
            return swr_convert(context, &destination, capacity, nil, 0)
        }
        output.removeLast(Int(capacity - max(converted, 0)) * Int(outputChannels))
        try LibAV.check(converted, .decodeFailed, "audio conversion failed")
    }
}
