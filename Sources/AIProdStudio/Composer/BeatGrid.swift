/// Where the beats and bars of a piece of music fall, as `BeatTracker` heard them: a steady
/// pulse of `beatFrames` frames from `firstBeat`, grouped in bars of `beatsPerBar` with the
/// downbeat on beat `downbeat`. Frames at 48 kHz from the start of the analysed sound.
public struct BeatGrid: Sendable, Hashable {
    /// Frames per beat (fractional: a tempo rarely divides 48 000).
    public var beatFrames: Double
    /// The first beat at or after the analysed window's start.
    public var firstBeat: Double
    public var beatsPerBar: Int
    /// Which beat from `firstBeat` (0 ..< beatsPerBar) starts a bar.
    public var downbeat: Int
    /// How much of the onset energy lands on the beats (0…1); the tracker drops grids below its floor.
    public var confidence: Double

    public init(beatFrames: Double, firstBeat: Double, beatsPerBar: Int, downbeat: Int, confidence: Double) {
        self.beatFrames = beatFrames
        self.firstBeat = firstBeat
        self.beatsPerBar = max(beatsPerBar, 1)
        self.downbeat = downbeat
        self.confidence = confidence
    }

    public var barFrames: Double { beatFrames * Double(beatsPerBar) }
    public var beatsPerMinute: Double { 60 * 48_000 / beatFrames }

    /// The frame of beat `index` (counted from `firstBeat`).
    public func beat(_ index: Int) -> Double { firstBeat + Double(index) * beatFrames }

    /// The bar lines (frames, rounded) in `range`, in order.
    public func barLines(in range: Range<Int>) -> [Int] {
        guard beatFrames > 0, !range.isEmpty else { return [] }
        let first = firstBeat + Double(downbeat) * beatFrames
        var index = Int(((Double(range.lowerBound) - first) / barFrames).rounded(.up))
        var lines: [Int] = []
        while true {
            let frame = Int((first + Double(index) * barFrames).rounded())
            if frame >= range.upperBound { break }
            if frame >= range.lowerBound { lines.append(frame) }
            index += 1
        }
        return lines
    }
}
