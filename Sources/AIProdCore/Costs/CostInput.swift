/// What the cost model needs from a dry-run plan: how long the video is, in which preset, and
/// what remote units it would use.
public struct CostInput: Sendable, Hashable {
    /// Length of the finished video, in seconds.
    public var videoSeconds: Double
    public var preset: Preset
    public var remote: RemoteUsage
    /// Lines already priced by the configured providers (``ProviderConfig/usd(units:)``).
    public var providerLines: [CostLine]

    public init(videoSeconds: Double, preset: Preset, remote: RemoteUsage = .none, providerLines: [CostLine] = []) {
        self.providerLines = providerLines
        self.videoSeconds = videoSeconds
        self.preset = preset
        self.remote = remote
    }
}
