/// Prices a job from `[costs]`: compute seconds at the configured hourly rate, plus per-unit
/// prices for remote providers. One model for the estimate before a job runs and for the cost
/// recorded after, so the budget compares like with like.
public struct CostModel: Sendable, Hashable {
    public var prices: CostsConfig

    public init(prices: CostsConfig) {
        self.prices = prices
    }

    /// The estimate for `input` at `speed` seconds of compute per video second (the measured
    /// speed of its preset; nil: ``RenderSpeed/benchmarkDefault(for:)``). Negative or non-finite
    /// amounts count as zero, so a bad number cannot make a job look free or infinitely dear.
    public func estimate(_ input: CostInput, speed: Double? = nil) -> CostBreakdown {
        let rate = Self.clean(speed ?? RenderSpeed.benchmarkDefault(for: input.preset))
        let computeSeconds = Self.clean(input.videoSeconds) * rate
        var items = [compute(seconds: computeSeconds)]
        let remote = input.remote
        let priced: [(String, Double, Double)] = [
            ("llm_tokens", remote.llmTokens, prices.llmUsdPer1kTokens / 1_000),
            ("tts_characters", remote.ttsCharacters, prices.ttsUsdPer1kCharacters / 1_000),
            ("images", remote.images, prices.imageUsdEach),
            ("video_seconds", remote.videoSeconds, prices.videoUsdPerSecond),
            ("music_tracks", remote.musicTracks, prices.musicUsdPerTrack),
        ]
        for (kind, units, price) in priced where Self.clean(units) > 0 {
            items.append(CostLine(kind: kind, units: Self.clean(units), usd: Self.clean(units) * price))
        }
        for line in input.providerLines where Self.clean(line.units) > 0 {
            items.append(CostLine(kind: line.kind, units: Self.clean(line.units), usd: Self.clean(line.usd), provider: line.provider))
        }
        return CostBreakdown(computeSeconds: computeSeconds, usd: items.reduce(0) { $0 + $1.usd },
                             etaSeconds: computeSeconds, items: items)
    }

    /// The `compute` line for `seconds` of this machine's time: the estimate's, and the
    /// recorded cost of a finished job (its measured seconds).
    public func compute(seconds: Double) -> CostLine {
        let seconds = Self.clean(seconds)
        return CostLine(kind: "compute", units: seconds, usd: seconds * prices.computeUsdPerHour / 3_600)
    }

    static func clean(_ value: Double) -> Double { value.isFinite && value > 0 ? value : 0 }
}
