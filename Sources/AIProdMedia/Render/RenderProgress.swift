/// Where a render is: sent to the progress callback.
public struct RenderProgress: Sendable, Hashable {
    public enum Phase: String, Sendable, Hashable {
        /// Mixing and measuring the soundtrack to master it.
        case mastering
        /// Composing and encoding frames.
        case rendering
        /// Writing the file's index and moving it into place.
        case finishing
    }

    public var phase: Phase
    public var framesDone: Int64
    public var totalFrames: Int64

    public var fraction: Double { totalFrames > 0 ? Double(framesDone) / Double(totalFrames) : 0 }
}
