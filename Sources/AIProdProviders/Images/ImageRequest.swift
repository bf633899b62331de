/// One picture to make: what a scene shows, in the frame it is shown in.
public struct ImageRequest: Sendable, Hashable {
    /// The scene's visual description and the job's style, as the visuals stage words it.
    public var prompt: String
    /// The preset's frame. A client asks for the nearest size its API supports with the same
    /// orientation (``ImageSize``); the director scales the picture to the frame.
    public var width: Int
    public var height: Int
    /// The job's seed for the scene: the same request makes the same picture where the API
    /// honours seeds (a1111, comfyui), and is the same cache entry everywhere.
    public var seed: UInt64

    public init(prompt: String, width: Int, height: Int, seed: UInt64) {
        self.prompt = prompt
        self.width = width
        self.height = height
        self.seed = seed
    }
}
