import AIProdCore
import NIOConcurrencyHelpers

/// Token-bucket rate limits per client address and per bearer token, from `[rate_limit]`.
/// Shared by every request (and by the daemon's SIGHUP reload through ``update(_:)``), so its
/// state sits behind one lock; each decision is a dictionary lookup and a little arithmetic.
public final class RateLimiter: Sendable {
    private struct State: Sendable {
        var config: RateLimitConfig
        var addresses: BucketTable
        var tokens: BucketTable
    }

    private let state: NIOLockedValueBox<State>
    /// Monotonic seconds; tests pass their own clock.
    private let clock: @Sendable () -> Double

    public convenience init(_ config: RateLimitConfig) {
        let start = ContinuousClock.now
        self.init(config, clock: {
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        })
    }

    init(_ config: RateLimitConfig, clock: @escaping @Sendable () -> Double) {
        state = NIOLockedValueBox(State(
            config: config,
            addresses: BucketTable(rate: config.ipRate, burst: config.ipBurst, capacity: config.maxTracked),
            tokens: BucketTable(rate: config.tokenRate, burst: config.tokenBurst, capacity: config.maxTracked)
        ))
        self.clock = clock
    }

    /// A limiter that never limits: what `buildApplication` uses unless the daemon passes one.
    public static var disabled: RateLimiter { RateLimiter(RateLimitConfig()) }

    /// Applies a reloaded `[rate_limit]`; buckets are kept (clamped to the new burst).
    public func update(_ config: RateLimitConfig) {
        state.withLockedValue { state in
            state.config = config
            state.addresses.reconfigure(rate: config.ipRate, burst: config.ipBurst, capacity: config.maxTracked)
            state.tokens.reconfigure(rate: config.tokenRate, burst: config.tokenBurst, capacity: config.maxTracked)
        }
    }

    /// The current configuration.
    public var config: RateLimitConfig { state.withLockedValue { $0.config } }

    /// One request from `ip`; exempt addresses and a disabled limiter always pass.
    public func admit(ip: String) -> RateDecision {
        let now = clock()
        return state.withLockedValue { state in
            guard state.config.enabled, !state.config.exemptCIDRs.contains(ip: ip) else { return .allowed }
            return state.addresses.take(ip, now: now)
        }
    }

    /// One authenticated request by token `tokenID` from `ip`.
    public func admit(tokenID: String, ip: String) -> RateDecision {
        let now = clock()
        return state.withLockedValue { state in
            guard state.config.enabled, !state.config.exemptCIDRs.contains(ip: ip) else { return .allowed }
            return state.tokens.take(tokenID, now: now)
        }
    }

    /// Buckets held (addresses, tokens): bounded by `max_tracked` each.
    var trackedCounts: (addresses: Int, tokens: Int) {
        state.withLockedValue { ($0.addresses.count, $0.tokens.count) }
    }
}
