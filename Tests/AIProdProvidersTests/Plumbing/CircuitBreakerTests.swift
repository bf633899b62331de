import AIProdProviders
import Synchronization
import Testing

/// The breaker on a clock of the test's own: it opens after N failures in a row, refuses while
/// open, lets one trial through once the period is over, closes on its success and opens again
/// on its failure.
@Suite struct CircuitBreakerTests {
    final class Clock: Sendable {
        let now = Mutex<UInt64>(1_000)
        func advance(seconds: Double) { now.withLock { $0 += UInt64(seconds * 1e9) } }
        var read: @Sendable () -> UInt64 { { [self] in now.withLock { $0 } } }
    }

    @Test func opensRefusesTriesOnceAndCloses() {
        let clock = Clock()
        let breaker = CircuitBreaker(failures: 3, seconds: 60, clock: clock.read)
        breaker.failed()
        breaker.failed()
        #expect(breaker.allows() && !breaker.isOpen, "two failures: still closed")
        breaker.succeeded()
        for _ in 0..<3 { breaker.failed() }
        #expect(breaker.isOpen && !breaker.allows())
        #expect(breaker.secondsUntilTrial == 60)
        clock.advance(seconds: 59)
        #expect(!breaker.allows())
        clock.advance(seconds: 2)
        #expect(breaker.allows(), "the trial call")
        #expect(!breaker.allows(), "one trial at a time")
        breaker.failed()
        #expect(breaker.isOpen && !breaker.allows(), "a failed trial opens it again at once")
        clock.advance(seconds: 61)
        #expect(breaker.allows())
        breaker.succeeded()
        #expect(!breaker.isOpen && breaker.allows() && breaker.allows())
    }
}
