/// One full decode of an audio stream: its length, loudness, and silent stretches.
public struct AudioScan: Sendable, Hashable {
    public var samples: Int64
    public var loudness: LoudnessMeasurement
    public var silentSpans: [TimeSpan]
}
