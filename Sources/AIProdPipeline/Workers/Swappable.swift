import Synchronization

/// A value the running daemon may replace while others read it (settings a reload changes).
/// Readers take a snapshot: work that started with the old value finishes with it.
public final class Swappable<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    public init(_ value: Value) {
        self.value = Mutex(value)
    }

    /// The value now.
    public var current: Value { value.withLock { $0 } }

    /// Puts `new` in place; returns the value it replaced.
    @discardableResult
    public func replace(with new: Value) -> Value {
        value.withLock { old in
            let previous = old
            old = new
            return previous
        }
    }
}
