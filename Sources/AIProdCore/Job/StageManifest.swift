import Foundation

/// The record a finished stage leaves in `stages/<stage>.json`, written last and atomically:
/// its presence means the stage is done, and its file list lets a resume check that the
/// outputs are still the ones the stage wrote before skipping it.
public struct StageManifest: Codable, Sendable, Hashable {
    public var stage: StageName
    public var files: [ArtifactFile]
    /// Wall seconds the stage took.
    public var seconds: Double
    public var finishedAt: Date

    public init(stage: StageName, files: [ArtifactFile], seconds: Double, finishedAt: Date) {
        self.stage = stage
        self.files = files
        self.seconds = seconds
        self.finishedAt = finishedAt
    }
}
