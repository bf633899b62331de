import Foundation

/// A short video a motion provider made from a still, checked to be MP4 or WebM by its first
/// bytes. The visuals stage writes it to the job's folder and probes it safely before use.
public struct GeneratedVideo: Sendable {
    public var data: Data
    /// `mp4` or `webm`, from the bytes.
    public var fileExtension: String
    /// The model asked for (Runway's replies do not name one).
    public var model: String
    /// The seed sent (modulo 2³², Runway's range).
    public var seed: UInt64

    public init(data: Data, fileExtension: String, model: String, seed: UInt64) {
        self.data = data
        self.fileExtension = fileExtension
        self.model = model
        self.seed = seed
    }
}
