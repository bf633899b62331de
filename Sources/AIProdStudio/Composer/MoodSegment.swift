import AIProdCore

/// A stretch of the video that plays under one mood: frames at 48 kHz from the video's start,
/// `start ..< end`.
public struct MoodSegment: Sendable, Hashable, CustomStringConvertible {
    public var mood: Mood
    public var start: Int64
    public var end: Int64

    public init(mood: Mood, start: Int64, end: Int64) {
        self.mood = mood
        self.start = start
        self.end = end
    }

    public var frames: Int64 { end - start }
    public var description: String { "\(mood.rawValue) \(start)..<\(end)" }
}
