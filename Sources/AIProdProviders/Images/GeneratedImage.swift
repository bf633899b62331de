import Foundation

/// A picture a provider made, checked to be one (by its first bytes, never by what the reply
/// claims). The visuals stage writes it to the job's folder and probes it safely before use.
public struct GeneratedImage: Sendable {
    /// PNG, JPEG or WebP bytes.
    public var data: Data
    /// `png`, `jpg` or `webp`, from the bytes' magic number.
    public var fileExtension: String
    /// The model the reply names (a1111's `sd_model_name`), else the configured one (or the
    /// checkpoint a comfyui workflow loads): what the credits show.
    public var model: String
    /// The seed sent (a1111 and comfyui use it; openai-images has none, so it is the request's).
    public var seed: UInt64

    public init(data: Data, fileExtension: String, model: String, seed: UInt64) {
        self.data = data
        self.fileExtension = fileExtension
        self.model = model
        self.seed = seed
    }
}
