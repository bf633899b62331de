import AIProdCore

/// How one category's effect is synthesised: a libavfilter graph of sources (`anoisesrc`,
/// `aevalsrc`) and filters, stereo at 48 kHz, of a fixed length for the category. The seed
/// varies the take (noise seeds, pitches, timings) but never the kind of sound or its length,
/// so the same seed always gives the same bytes and the Director can rely on the duration.
///
/// The recipes themselves live in `EffectRecipe+Nature.swift`, `+People` and `+Things`;
/// docs/FOLEY.md describes each in words.
public struct EffectRecipe: Sendable, Hashable {
    public var category: SoundCategory
    public var durationSeconds: Double
    /// The graph text to hand to `SyntheticMedia.write(audio:…)`: its unlabelled output is the
    /// finished stereo effect, exactly `sampleCount` samples long.
    public var graph: String
    /// Samples per channel at 48 kHz.
    public var sampleCount: Int

    /// Every recipe lasts within this range: long enough to read as the sound, short enough to
    /// synthesise in well under a second and to loop under a scene.
    public static let durationRange: ClosedRange<Double> = 1.5...4

    /// The recipe for `category` and `seed`.
    public init(_ category: SoundCategory, seed: UInt64) {
        var random = SplitMix64(seed: seed, category: category)
        let built: EffectGraph.Built = switch category {
        case .rain: Self.rain(&random)
        case .wind: Self.wind(&random)
        case .sea: Self.sea(&random)
        case .thunder: Self.thunder(&random)
        case .birds: Self.birds(&random)
        case .fire: Self.fire(&random)
        case .crowd: Self.crowd(&random)
        case .footsteps: Self.footsteps(&random)
        case .applause: Self.applause(&random)
        case .cityTraffic: Self.cityTraffic(&random)
        case .car: Self.car(&random)
        case .door: Self.door(&random)
        case .clock: Self.clock(&random)
        case .bell: Self.bell(&random)
        }
        precondition(Self.durationRange.contains(built.duration), "\(category) recipe lasts \(built.duration) s")
        self.category = category
        durationSeconds = built.duration
        graph = built.graph
        sampleCount = built.sampleCount
    }
}
