/// Mixes a ``SoundtrackPlan`` block by block into interleaved stereo float at 48 kHz:
/// sample-exact placement, gains, fades, looping and ducking. Files are opened when their sound
/// starts and closed when it ends, so memory does not grow with the number of sounds.
final class SoundtrackMixer {
    let plan: SoundtrackPlan
    private var envelopes: [Int: DuckingEnvelope] = [:]
    private var readers: [Int: AudioFileReader] = [:]
    /// Samples read in the current pass of placements with a ``AudioPlacement/passSamples``.
    private var passRead: [Int: Int64] = [:]
    private var finished: Set<Int> = []
    private var scratch: [Float] = []
    private(set) var position: Int64 = 0

    init(plan: SoundtrackPlan) throws(MediaError) {
        self.plan = plan
        let ducked = plan.placements.indices.filter { plan.placements[$0].ducking != nil }
        guard !ducked.isEmpty else { return }
        var activity = VoiceActivity(totalSamples: plan.totalSamples)
        for placement in plan.placements where placement.role == .narration {
            try activity.analyse(placement, limits: plan.limits)
        }
        activity.bridgeGaps()
        for index in ducked {
            envelopes[index] = DuckingEnvelope(activity: activity, shape: plan.placements[index].ducking!)
        }
    }

    var remaining: Int64 { plan.totalSamples - position }

    /// Fills `output` (interleaved stereo) with the next frames; returns how many were written:
    /// `output.count / 2`, or fewer at the end of the timeline.
    func render(into output: UnsafeMutableBufferPointer<Float>) throws(MediaError) -> Int {
        let frames = Int(min(Int64(output.count / 2), remaining))
        guard frames > 0 else { return 0 }
        output.update(repeating: 0)
        let blockStart = position
        let blockEnd = position + Int64(frames)
        for (index, placement) in plan.placements.enumerated() where !finished.contains(index) {
            let start = max(blockStart, placement.startSample)
            let end = min(blockEnd, placement.endSample)
            guard start < end else {
                if placement.endSample <= blockStart { finished.insert(index) }
                continue
            }
            try mix(index, placement, from: start, to: end, into: output, blockStart: blockStart)
            if end == placement.endSample {
                readers[index] = nil
                finished.insert(index)
            }
        }
        position = blockEnd
        return frames
    }

    private func mix(_ index: Int, _ placement: AudioPlacement, from start: Int64, to end: Int64,
                     into output: UnsafeMutableBufferPointer<Float>, blockStart: Int64) throws(MediaError) {
        let count = Int(end - start)
        if scratch.count < count * 2 { scratch = [Float](repeating: 0, count: count * 2) }
        var got = 0
        while got < count {
            var justOpened = false
            if readers[index] == nil {
                readers[index] = try AudioFileReader(path: placement.path, channels: .stereo, startSeconds: placement.fileOffsetSeconds,
                                                   limits: plan.limits)
                justOpened = true
            }
            let reader = readers[index]!
            var want = count - got
            if let pass = placement.passSamples { want = Int(min(Int64(want), pass - passRead[index, default: 0])) }
            let read = try scratch.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try reader.read(into: buffer.baseAddress! + got * 2, frameCount: want)
            }
            got += read
            if let pass = placement.passSamples {
                // A pass lasts exactly its length: a file whose sound ends before its pictures
                // is silent until the pass ends, so every pass starts with its pictures.
                var done = passRead[index, default: 0] + Int64(read)
                if read < want {
                    let silence = Int(min(pass - done, Int64(count - got)))
                    for sample in (got * 2)..<((got + silence) * 2) { scratch[sample] = 0 }
                    got += silence
                    done += Int64(silence)
                }
                if done >= pass {
                    passRead[index] = 0
                    readers[index] = nil
                } else {
                    passRead[index] = done
                }
                continue
            }
            if got < count {
                // The file ended: loop from its start, or fall silent. A file with no samples
                // at all falls silent either way.
                readers[index] = nil
                if !placement.loop || (read == 0 && justOpened) {
                    finished.insert(index)
                    break
                }
            }
        }
        let envelope = envelopes[index]
        let outputOffset = Int(start - blockStart)
        scratch.withUnsafeBufferPointer { source in
            for frame in 0..<got {
                let sample = start + Int64(frame)
                var gain = placement.gain * placement.fade(at: sample - placement.startSample)
                if let envelope { gain *= envelope.gain(atSample: sample) }
                output[2 * (outputOffset + frame)] += source[2 * frame] * gain
                output[2 * (outputOffset + frame) + 1] += source[2 * frame + 1] * gain
            }
        }
    }
}
