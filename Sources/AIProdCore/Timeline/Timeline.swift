/// The one value the media engine renders: output settings, a video track, audio tracks and
/// subtitle cues. Codable JSON (snake_case keys, see docs/TIMELINE.md); file paths are relative
/// to the directory the timeline was loaded from, unless absolute.
public struct Timeline: Codable, Sendable, Hashable {
    /// Schema version; only 1 exists.
    public var version: Int
    public var output: OutputSettings
    public var video: VideoTrack
    public var audio: AudioTracks
    public var subtitles: Subtitles?

    public init(
        version: Int = 1, output: OutputSettings, video: VideoTrack,
        audio: AudioTracks = AudioTracks(), subtitles: Subtitles? = nil
    ) {
        self.version = version
        self.output = output
        self.video = video
        self.audio = audio
        self.subtitles = subtitles
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeInteger(.version, default: 1)
        output = try c.decode(OutputSettings.self, forKey: .output)
        video = try c.decode(VideoTrack.self, forKey: .video)
        audio = try c.decode(.audio, default: AudioTracks())
        subtitles = try c.decodeIfPresent(Subtitles.self, forKey: .subtitles)
    }
}
