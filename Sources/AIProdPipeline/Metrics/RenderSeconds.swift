import Synchronization

/// The render stage's wall-clock seconds in this attempt, set from the stage callback (on the
/// worker's thread) and read once the run returns; nil when the render was not run (resumed
/// past it).
final class RenderSeconds: Sendable {
    private let box = Mutex<Double?>(nil)

    var value: Double? {
        get { box.withLock { $0 } }
        set { box.withLock { $0 = newValue } }
    }
}
