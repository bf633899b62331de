import CFFmpeg

/// A clip's own graph while the clip is on screen: pulls its frames one at a time, feeding its
/// buffer source whenever the graph asks. Dropping it frees the clip's filters, buffers and
/// decoded media.
final class ClipGraph {
    let index: Int
    private let graph: FilterGraph
    private let feeder: SourceFeeder?
    private var sourceOpen: Bool

    init(chain: ClipChain, index: Int) throws(MediaError) {
        self.index = index
        graph = try FilterGraph(
            description: chain.description,
            sources: chain.source.map { [($0.name, $0.source)] } ?? [],
            sinks: [("out", .video(pixelFormat: AV_PIX_FMT_YUV420P))],
            threads: 1)
        feeder = chain.source?.feeder
        sourceOpen = chain.source != nil
    }

    /// The clip's next frame into `frame`; a clip that ends before its `expected` frames is an
    /// error (its chain is trimmed to exactly that many).
    func next(into frame: Frame, expected: Int64) throws(MediaError) {
        while true {
            switch try graph.pull(from: "out", into: frame) {
            case .frame:
                return
            case .finished:
                throw MediaError(.filterFailed, "clip \(index) ended before its \(expected) frames")
            case .needsInput:
                guard sourceOpen, let feeder else {
                    throw MediaError(.filterFailed, "clip \(index)'s graph stalled waiting for input")
                }
                if try !feeder.feed(graph, source: "in") { sourceOpen = false }
            }
        }
    }
}
