/// One metric the daemon exposes on `/metrics`: its Prometheus name (base units, `aiprod_`
/// prefix), the help line, and for a histogram its bucket bounds. The swift-metrics label of a
/// handler is this name, so the exporter can look the help and buckets up by label.
public struct MetricDescription: Sendable, Hashable {
    public var name: String
    public var help: String
    /// Upper bounds of a histogram's buckets, ascending (`+Inf` is implied); nil for a counter
    /// or gauge.
    public var buckets: [Double]?

    public init(_ name: String, help: String, buckets: [Double]? = nil) {
        self.name = name
        self.help = help
        self.buckets = buckets
    }
}
