/// Units of the remote providers a job would use. All zero today: every stage runs on this
/// machine (espeak-ng, fluidsynth, the offline planner). Remote providers fill it from their
/// plan, and ``CostModel`` prices it with `[costs]`.
public struct RemoteUsage: Codable, Sendable, Hashable {
    public var llmTokens: Double
    public var ttsCharacters: Double
    public var images: Double
    public var videoSeconds: Double
    public var musicTracks: Double

    public init(llmTokens: Double = 0, ttsCharacters: Double = 0, images: Double = 0, videoSeconds: Double = 0, musicTracks: Double = 0) {
        self.llmTokens = llmTokens
        self.ttsCharacters = ttsCharacters
        self.images = images
        self.videoSeconds = videoSeconds
        self.musicTracks = musicTracks
    }

    public static let none = RemoteUsage()
}
