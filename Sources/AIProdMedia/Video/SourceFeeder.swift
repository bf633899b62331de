/// What supplies a clip graph's buffer source, fed when the graph asks.
enum SourceFeeder {
    case kenBurns(KenBurnsFeeder)
    case video(VideoFileFeeder)

    /// Pushes one frame or closes the source; false once it has closed.
    func feed(_ graph: FilterGraph, source: String) throws(MediaError) -> Bool {
        switch self {
        case .kenBurns(let feeder): try feeder.feed(graph, source: source)
        case .video(let feeder): try feeder.feed(graph, source: source)
        }
    }
}
