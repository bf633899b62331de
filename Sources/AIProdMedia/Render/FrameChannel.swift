import Foundation

/// A small bounded hand-off of frames from the compositing thread to the encoding thread, so
/// each keeps its core busy; the bound keeps memory flat (a few frames in flight).
final class FrameChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Frame] = []
    private var ended = false
    private var abandoned = false
    private let capacity: Int

    init(capacity: Int = 6) { self.capacity = capacity }

    /// Blocks while full; false if the consumer gave up (then stop producing).
    func send(_ frame: Frame) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !abandoned { condition.wait() }
        if abandoned { return false }
        queue.append(frame)
        condition.broadcast()
        return true
    }

    /// No more frames will come.
    func finish() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer stops: wakes and refuses the producer.
    func abandon() {
        condition.lock()
        abandoned = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    /// Whether the hand-off was abandoned (the render failed or was cancelled).
    var isAbandoned: Bool {
        condition.lock()
        defer { condition.unlock() }
        return abandoned
    }

    /// Blocks for the next frame; nil once finished and drained.
    func receive() -> Frame? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !ended && !abandoned { condition.wait() }
        if queue.isEmpty || abandoned { return nil }
        let frame = queue.removeFirst()
        condition.broadcast()
        return frame
    }
}
