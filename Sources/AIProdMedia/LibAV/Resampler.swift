import AIProdCore
import CFFmpeg

/// Owns a `SwrContext` converting decoded audio of any layout, format and rate to interleaved
/// float at 48 kHz with one or two channels. It converts frames shaped like the one it was made
/// from (``accepts(_:)``): audio may change layout, format or rate mid-stream (concatenated
/// MP3s do), and a frame of another shape needs a new resampler.
final class Resampler {
    /// Most samples per channel one decoded frame may produce: bounds the output buffer whatever
    /// a frame declares (a second of audio at the highest rate accepted, resampled, is far less).
    static let maxFrameOutputSamples = 1 << 22

    let context: OpaquePointer
    let outputChannels: Int32
    let outputRate: Int32
    /// Most samples per channel one ``convert(_:appendingTo:)`` may produce.
    let maxOutputSamples: Int
    /// The input this resampler was set up for, as the frame declared it.
    private var inputLayout = AVChannelLayout()
    let inputFormat: Int32
    let inputRate: Int32

    init(from frame: Frame, outputChannels: Int32, outputRate: Int32, limits: MediaLimits, file: String?,
         maxOutputSamples: Int = Resampler.maxFrameOutputSamples) throws(MediaError) {
        let input = frame.pointer
        let channels = Int(input.pointee.ch_layout.nb_channels)
        guard channels > 0 else { throw MediaError(.decodeFailed, file: file, "an audio frame declares no channels") }
        try limits.checkAudio(sampleRate: Int(input.pointee.sample_rate), channels: channels, file: file)
        guard input.pointee.sample_rate > 0 else { throw MediaError(.decodeFailed, file: file, "an audio frame declares no sample rate") }
        var output = outputChannels == 1 ? aiprod_layout_mono() : aiprod_layout_stereo()
        var declared = AVChannelLayout()
        try LibAV.check(av_channel_layout_copy(&declared, &input.pointee.ch_layout), .decodeFailed, file: file, "audio channel layout")
        var layout = AVChannelLayout()
        if declared.order == AV_CHANNEL_ORDER_UNSPEC {
            av_channel_layout_default(&layout, declared.nb_channels)
        } else if av_channel_layout_copy(&layout, &declared) < 0 {
            av_channel_layout_uninit(&declared)
            throw MediaError(.decodeFailed, file: file, "audio channel layout cannot be copied")
        }
        defer { av_channel_layout_uninit(&layout) }
        var context: OpaquePointer?
        let result = swr_alloc_set_opts2(
            &context, &output, AV_SAMPLE_FMT_FLT, outputRate,
            &layout, AVSampleFormat(rawValue: input.pointee.format), input.pointee.sample_rate, 0, nil)
        guard result >= 0, let context else {
            av_channel_layout_uninit(&declared)
            throw MediaError(.decodeFailed, file: file, "cannot convert this audio (\(LibAV.message(result)))")
        }
        self.context = context
        self.outputChannels = outputChannels
        self.outputRate = outputRate
        self.maxOutputSamples = min(maxOutputSamples, Int(Int32.max) / Int(max(outputChannels, 1)) - 64)
        inputLayout = declared
        inputFormat = input.pointee.format
        inputRate = input.pointee.sample_rate
        try LibAV.check(swr_init(context), .decodeFailed, file: file, "cannot initialise the resampler")
    }

    deinit {
        var owned: OpaquePointer? = context
        swr_free(&owned)
        av_channel_layout_uninit(&inputLayout)
    }

    /// Whether `frame` has the layout, sample format and rate this resampler converts.
    func accepts(_ frame: Frame) -> Bool {
        let input = frame.pointer
        return input.pointee.format == inputFormat && input.pointee.sample_rate == inputRate
            && av_channel_layout_compare(&inputLayout, &input.pointee.ch_layout) == 0
    }

    /// Converts `frame` (or flushes, when nil), appending interleaved samples to `output`.
    /// Sizes are computed in `Int` with checked arithmetic and bounded by `maxOutputSamples`.
    func convert(_ frame: Frame?, appendingTo output: inout [Float]) throws(MediaError) {
        let inputSamples = frame.map { $0.pointer.pointee.nb_samples } ?? 0
        guard inputSamples >= 0 else { throw MediaError(.decodeFailed, "an audio frame declares \(inputSamples) samples") }
        let estimate = swr_get_out_samples(context, inputSamples)
        try LibAV.check(estimate, .decodeFailed, "audio conversion size")
        let capacity = Int(estimate) + 32
        guard capacity <= maxOutputSamples else {
            throw MediaError(.decodeFailed, "an audio frame of \(inputSamples) samples is too large to convert")
        }
        let (count, overflow) = capacity.multipliedReportingOverflow(by: Int(outputChannels))
        guard !overflow else { throw MediaError(.decodeFailed, "audio conversion size overflows") }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: count))
        let converted: Int32 = output.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return aiprod_averror(ENOMEM) }
            var destination: UnsafeMutablePointer<UInt8>? = UnsafeMutableRawPointer(base + start)
                .assumingMemoryBound(to: UInt8.self)
            if let frame, let data = frame.pointer.pointee.extended_data {
                let source = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UnsafePointer<UInt8>?.self)
                return swr_convert(context, &destination, Int32(capacity), source, inputSamples)
            }
            return swr_convert(context, &destination, Int32(capacity), nil, 0)
        }
        output.removeLast((capacity - Int(max(converted, 0))) * Int(outputChannels))
        try LibAV.check(converted, .decodeFailed, "audio conversion failed")
    }
}
