import AIProdCore

/// Composes the video track frame by frame, in output order, keeping alive only what is on
/// screen: the graph of the current clip, during a transition the next clip's graph and the
/// transition's, and the overlay graph (watermark, subtitles) for the whole render.
///
/// Frames are identical to those of one whole-timeline graph (each clip's chain, `xfade` or a
/// cut between them, then overlays), but memory no longer grows with the number of clips.
struct VideoComposer {
    let timeline: Timeline
    let schedule: TimelineSchedule
    let resolver: AssetResolver
    let workspace: RenderWorkspace

    /// Composes every frame and hands each to `emit`, in order (false: stop, the consumer gave up).
    func compose(cancellation: RenderCancellation, emit: (Frame) throws(MediaError) -> Bool) throws(MediaError) {
        let clips = timeline.video.clips
        let overlay = try OverlayGraph(timeline: timeline, resolver: resolver, workspace: workspace)
        let clipFrame = Frame(), incomingFrame = Frame(), blended = Frame(), overlaid = Frame()
        var current = try openClip(0)
        // During a transition: the incoming clip and the blend.
        var incoming: (clip: ClipGraph, blend: TransitionGraph, lastFrame: Int64)?
        for frameNumber in 0..<schedule.totalFrames {
            try cancellation.check()
            let next = current.index + 1
            if incoming == nil, next < clips.count, frameNumber == schedule.entries[next].startFrame {
                // The next clip comes on screen: cut to it, or start blending into it.
                let entry = schedule.entries[next]
                if let kind = clips[next].transition?.kind, entry.transitionFrames > 0 {
                    incoming = (try openClip(next), try TransitionGraph(kind: kind, frames: entry.transitionFrames, output: timeline.output),
                                entry.startFrame + entry.transitionFrames - 1)
                } else {
                    current = try openClip(next)
                }
            }
            try current.next(into: clipFrame, expected: schedule.entries[current.index].frameCount)
            var composed = clipFrame
            if let (clip, blend, lastFrame) = incoming {
                try clip.next(into: incomingFrame, expected: schedule.entries[clip.index].frameCount)
                try blend.blend(clipFrame, incomingFrame, into: blended)
                composed = blended
                if frameNumber == lastFrame {
                    // The outgoing clip has shown its last frame: its graph and the blend go.
                    current = clip
                    incoming = nil
                }
            }
            if let overlay {
                guard try overlay.process(composed, pts: frameNumber, into: overlaid, emit: emit) else { return }
            } else {
                guard try emit(composed) else { return }
            }
        }
        if let overlay {
            _ = try overlay.process(nil, pts: schedule.totalFrames, into: overlaid, emit: emit)
        }
    }

    private func openClip(_ index: Int) throws(MediaError) -> ClipGraph {
        let chain = try ClipChain(clip: timeline.video.clips[index], index: index, frames: schedule.entries[index].frameCount,
                                  output: timeline.output, resolver: resolver, workspace: workspace)
        return try ClipGraph(chain: chain, index: index)
    }
}
