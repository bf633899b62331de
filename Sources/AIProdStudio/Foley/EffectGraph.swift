import Foundation

/// Builds the text of a libavfilter graph for one synthesised effect: named stereo branches
/// (noise, expressions, products of two branches) mixed into one unlabelled output of exactly
/// `duration` seconds at 48 kHz. `SyntheticMedia` appends its own `aresample` and sink label to
/// that output, so the text is everything up to the last filter.
///
/// Every branch is stereo from its source on (two decorrelated noise generators joined, or one
/// expression per channel), so nothing depends on how libav would upmix mono, and the
/// ambiences have real width. Values inside quotes (`'…'`) keep their commas from the graph
/// parser; expressions never contain `:` or `'`.
struct EffectGraph {
    static let sampleRate = 48_000

    enum NoiseColor: String {
        case white, pink, brown
    }

    let duration: Double
    private var chains: [String] = []
    private var branches = 0

    init(duration: Double) {
        self.duration = duration
    }

    /// Samples per channel of the finished effect.
    var sampleCount: Int { Int((duration * Double(Self.sampleRate)).rounded()) }

    /// Stereo noise of `color`: one `anoisesrc` per channel, each with its own seed.
    mutating func noise(_ color: NoiseColor, amplitude: Double, random: inout SplitMix64, _ filters: [String] = []) -> String {
        let left = branchLabel(), right = branchLabel()
        let settings = "c=\(color.rawValue):a=\(Self.number(amplitude)):r=\(Self.sampleRate):d=\(Self.number(duration))"
        let source = { (seed: UInt32) in "anoisesrc=\(settings):s=\(seed)" }
        chains.append("\(source(random.noiseSeed()))[\(left)]")
        chains.append("\(source(random.noiseSeed()))[\(right)]")
        return add("[\(left)][\(right)]join=inputs=2:channel_layout=stereo", filters)
    }

    /// A stereo signal computed sample by sample (`aevalsrc`; `t` seconds, `n` sample index).
    mutating func expression(left: String, right: String, _ filters: [String] = []) -> String {
        add("aevalsrc=exprs='\(left)|\(right)':s=\(Self.sampleRate):c=stereo:d=\(Self.number(duration))", filters)
    }

    /// The same expression on both channels.
    mutating func expression(_ both: String, _ filters: [String] = []) -> String {
        expression(left: both, right: both, filters)
    }

    /// Two branches multiplied sample by sample: noise shaped by an envelope branch.
    mutating func product(_ first: String, _ second: String, _ filters: [String] = []) -> String {
        add("[\(first)][\(second)]amultiply", filters)
    }

    /// A finished graph: its text, length and sample count.
    struct Built {
        var graph: String
        var duration: Double
        var sampleCount: Int
    }

    /// The finished graph: branches summed with their weights (no renormalisation), the
    /// closing filters, then padded or trimmed to exactly `sampleCount` samples.
    func mix(_ inputs: [(branch: String, weight: Double)], _ filters: [String] = []) -> Built {
        precondition(!inputs.isEmpty, "an effect needs at least one branch")
        let labels = inputs.map { "[\($0.branch)]" }.joined()
        let weights = inputs.map { Self.number($0.weight) }.joined(separator: " ")
        let closing = filters + ["apad=whole_len=\(sampleCount)", "atrim=end_sample=\(sampleCount)"]
        let last = "\(labels)amix=inputs=\(inputs.count):normalize=0:weights='\(weights)'," + closing.joined(separator: ",")
        return Built(graph: (chains + [last]).joined(separator: ";"), duration: duration, sampleCount: sampleCount)
    }

    // MARK: Pieces of filters and expressions

    /// A fade in at the start and a fade out ending at `duration`, so the effect can be placed
    /// or looped without clicks.
    func fades(in fadeIn: Double, out fadeOut: Double) -> [String] {
        ["afade=t=in:d=\(Self.number(fadeIn))",
         "afade=t=out:st=\(Self.number(duration - fadeOut)):d=\(Self.number(fadeOut))"]
    }

    /// A gain that follows an expression of `t`, evaluated once per frame (~21 ms): swells.
    static func envelope(_ expression: String) -> String {
        "volume=volume='\(expression)':eval=frame"
    }

    /// A stateless pseudo-random value in 0…1 for `x` (the classic `fract(sin(x)·43758.5453)`
    /// hash): the same `x` and `salt` give the same value, so expressions need no state.
    static func hash(_ x: String, salt: Double) -> String {
        "mod(abs(sin((\(x))*12.9898+\(number(salt)))*43758.5453),1)"
    }

    /// White noise in -1…1 computed per sample, for short bursts inside an expression.
    static func whiteNoise(salt: Double) -> String {
        "(2*\(hash("n", salt: salt))-1)"
    }

    /// Sparse decaying impulses (an envelope 0…1): time is cut into slots of `1/rate` s; a slot
    /// holds an event with `probability`, at a random offset within its first half, with a
    /// random height 0.3…1, decaying as `exp(-decay·T)`. Multiplied with noise: crackles,
    /// drops, claps.
    static func grains(rate: Double, probability: Double, decay: Double, salt: Double) -> String {
        let slot = "floor(t*\(number(rate)))"
        let start = "(\(slot)+0.5*\(hash(slot, salt: salt + 1)))/\(number(rate))"
        let age = "(t-\(start))"
        return "lt(\(hash(slot, salt: salt)),\(number(probability)))*(0.3+0.7*\(hash(slot, salt: salt + 2)))"
            + "*gte(\(age),0)*exp(-\(number(decay))*max(\(age),0))"
    }

    /// A number as the graph parser reads it: plain decimal, no exponent, no trailing zeros.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private mutating func branchLabel() -> String {
        defer { branches += 1 }
        return "fx\(branches)"
    }

    private mutating func add(_ chain: String, _ filters: [String]) -> String {
        let label = branchLabel()
        chains.append(([chain] + filters).joined(separator: ",") + "[\(label)]")
        return label
    }
}
