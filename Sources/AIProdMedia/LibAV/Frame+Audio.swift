import CFFmpeg

extension Frame {
    /// An interleaved-float audio frame holding a copy of `samples`, stamped with `pts` in
    /// 1/48000 s: how Swift-made audio enters a filter graph.
    static func audio(interleaved samples: UnsafeBufferPointer<Float>, channels: Int, pts: Int64, sampleRate: Int32 = 48_000) -> Frame {
        let frame = Frame()
        let pointer = frame.pointer
        let count = samples.count / channels
        pointer.pointee.format = AV_SAMPLE_FMT_FLT.rawValue
        pointer.pointee.sample_rate = sampleRate
        pointer.pointee.nb_samples = Int32(count)
        pointer.pointee.pts = pts
        pointer.pointee.ch_layout = channels == 1 ? aiprod_layout_mono() : aiprod_layout_stereo()
        guard av_frame_get_buffer(pointer, 0) >= 0 else { fatalError("av_frame_get_buffer: out of memory") }
        pointer.pointee.data.0!.withMemoryRebound(to: Float.self, capacity: samples.count) { destination in
            destination.update(from: samples.baseAddress!, count: samples.count)
        }
        return frame
    }

    /// A metadata entry libav attached to the frame (filters such as ebur128 report through these).
    func metadata(_ key: String) -> String? {
        guard let entry = av_dict_get(pointer.pointee.metadata, key, nil, 0) else { return nil }
        return LibAV.string(entry.pointee.value)
    }
}
