import Synchronization

/// A flag another thread raises to stop a render; the render checks it every frame and every
/// audio block, then removes what it had started writing.
public final class RenderCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    func check() throws(MediaError) {
        if isCancelled { throw MediaError(.cancelled, "render cancelled") }
    }
}
