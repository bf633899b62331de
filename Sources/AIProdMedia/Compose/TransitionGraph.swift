import AIProdCore
import CFFmpeg

/// An `xfade` between the last frames of one clip and the first of the next, as a graph of its
/// own that lives only for the transition: it is handed one frame of each clip per output
/// frame and blends them. Frame k of a transition of T frames is blended at progress k/T, as
/// one whole-timeline `xfade` with its offset at the transition's first frame would.
final class TransitionGraph {
    private let graph: FilterGraph
    private var position: Int64 = 0

    init(kind: TransitionKind, frames: Int64, output: OutputSettings) throws(MediaError) {
        let fps = output.fps
        let source = FilterGraph.Source.video(
            width: Int32(output.width), height: Int32(output.height), pixelFormat: AV_PIX_FMT_YUV420P,
            timeBase: AVRational(num: Int32(fps.denominator), den: Int32(fps.numerator)),
            frameRate: AVRational(num: Int32(fps.numerator), den: Int32(fps.denominator)),
            sampleAspect: AVRational(num: 1, den: 1))
        let seconds = (Rational(frames) / fps).doubleValue
        graph = try FilterGraph(
            description: "[a][b]xfade=transition=\(kind.xfadeName):duration=\(FilterEscaping.number(seconds)):offset=0[out]",
            sources: [("a", source), ("b", source)],
            sinks: [("out", .video(pixelFormat: AV_PIX_FMT_YUV420P))],
            threads: 1)
    }

    /// Blends the outgoing clip's frame `from` with the incoming clip's `to` into `frame`.
    func blend(_ from: Frame, _ to: Frame, into frame: Frame) throws(MediaError) {
        from.pointer.pointee.pts = position
        to.pointer.pointee.pts = position
        position += 1
        try graph.push(from, to: "a")
        try graph.push(to, to: "b")
        guard try graph.pull(from: "out", into: frame) == .frame else {
            throw MediaError(.filterFailed, "the transition gave no frame for its frame \(position - 1)")
        }
    }
}
