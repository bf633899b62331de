/// How media of another aspect ratio fills the frame.
public enum Fit: String, Codable, Sendable, Hashable, CaseIterable {
    /// Fill the frame, cropping what overflows (centred).
    case cover
    /// Show all of it, letterboxed with the output background colour.
    case contain
}
