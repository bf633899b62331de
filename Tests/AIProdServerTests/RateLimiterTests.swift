import AIProdCore
@testable import AIProdServer
import NIOConcurrencyHelpers
import Testing

/// The limiter's arithmetic on a clock the test moves by hand.
@Suite("Server: rate limiter buckets")
struct RateLimiterTests {
    /// Seconds the test sets; the limiter reads them as its monotonic clock.
    final class ManualClock: Sendable {
        private let box = NIOLockedValueBox(0.0)
        var now: Double { box.withLockedValue { $0 } }
        func advance(_ seconds: Double) { box.withLockedValue { $0 += seconds } }
    }

    static func config(rate: Double = 1, burst: Int = 3, ipRate: Double = 1, ipBurst: Int = 3, exempt: [String] = [], maxTracked: Int = 10_000) -> RateLimitConfig {
        var config = RateLimitConfig()
        config.enabled = true
        config.tokenRate = rate
        config.tokenBurst = burst
        config.ipRate = ipRate
        config.ipBurst = ipBurst
        config.exemptCIDRs = exempt.compactMap { CIDRBlock($0) }
        config.maxTracked = maxTracked
        return config
    }

    @Test("The burst passes, the next is limited with a whole Retry-After ≥ 1, and the refill lets one more through")
    func burstThenRefill() {
        let clock = ManualClock()
        let limiter = RateLimiter(Self.config(rate: 0.25, burst: 3), clock: { clock.now })
        for _ in 0..<3 { #expect(limiter.admit(tokenID: "t1", ip: "10.0.0.1") == .allowed) }
        #expect(limiter.admit(tokenID: "t1", ip: "10.0.0.1") == .limited(retryAfter: 4))
        // Another token has its own bucket.
        #expect(limiter.admit(tokenID: "t2", ip: "10.0.0.1") == .allowed)
        clock.advance(3.5)
        #expect(limiter.admit(tokenID: "t1", ip: "10.0.0.1") == .limited(retryAfter: 1))
        clock.advance(0.5)
        #expect(limiter.admit(tokenID: "t1", ip: "10.0.0.1") == .allowed)
        #expect(limiter.admit(tokenID: "t1", ip: "10.0.0.1") == .limited(retryAfter: 4))
    }

    @Test("Addresses have their own buckets; an exempt range and a disabled limiter never limit")
    func addressesAndExemptions() {
        let clock = ManualClock()
        let limiter = RateLimiter(Self.config(ipRate: 1, ipBurst: 2, exempt: ["192.168.0.0/16", "::1"]), clock: { clock.now })
        #expect(limiter.admit(ip: "10.0.0.1") == .allowed)
        #expect(limiter.admit(ip: "10.0.0.1") == .allowed)
        #expect(limiter.admit(ip: "10.0.0.1") == .limited(retryAfter: 1))
        #expect(limiter.admit(ip: "10.0.0.2") == .allowed)
        for _ in 0..<100 {
            #expect(limiter.admit(ip: "192.168.4.5") == .allowed)
            #expect(limiter.admit(ip: "::1") == .allowed)
            #expect(limiter.admit(tokenID: "t", ip: "192.168.4.5") == .allowed)
        }
        var off = Self.config(ipBurst: 1)
        off.enabled = false
        limiter.update(off)
        for _ in 0..<10 { #expect(limiter.admit(ip: "10.0.0.1") == .allowed) }
    }

    @Test("A flood of distinct addresses keeps the buckets under max_tracked")
    func boundedMemory() {
        let clock = ManualClock()
        let limiter = RateLimiter(Self.config(ipRate: 0.001, ipBurst: 1, maxTracked: 1_000), clock: { clock.now })
        for index in 0..<50_000 {
            _ = limiter.admit(ip: "10.\(index / 65_536).\(index / 256 % 256).\(index % 256)")
            #expect(limiter.trackedCounts.addresses <= 1_000)
            if index % 100 == 0 { clock.advance(0.001) }
        }
        #expect(limiter.trackedCounts.addresses <= 1_000)
        #expect(limiter.trackedCounts.addresses >= 100)
        // Idle (full) buckets go first: with a fast refill the flood leaves few buckets behind.
        let fast = RateLimiter(Self.config(ipRate: 1_000, ipBurst: 1, maxTracked: 100), clock: { clock.now })
        for index in 0..<10_000 {
            _ = fast.admit(ip: "172.16.\(index / 256 % 256).\(index % 256)")
            clock.advance(0.01)
        }
        #expect(fast.trackedCounts.addresses <= 100)
    }

    @Test("A reload applies the new burst at once (buckets clamped), and the new rate from then on")
    func update() {
        let clock = ManualClock()
        let limiter = RateLimiter(Self.config(rate: 1, burst: 10), clock: { clock.now })
        #expect(limiter.admit(tokenID: "t", ip: "10.0.0.1") == .allowed)
        limiter.update(Self.config(rate: 0.5, burst: 2))
        #expect(limiter.admit(tokenID: "t", ip: "10.0.0.1") == .allowed)
        #expect(limiter.admit(tokenID: "t", ip: "10.0.0.1") == .allowed)
        #expect(limiter.admit(tokenID: "t", ip: "10.0.0.1") == .limited(retryAfter: 2))
        #expect(limiter.config.tokenBurst == 2)
    }
}
