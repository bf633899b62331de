import AIProdMedia
import Foundation

/// Turns Ctrl-C (SIGINT) and SIGTERM into a clean cancel of the running render — the partial
/// file removed — instead of killing the process. Owns both signal sources; `stop()` cancels
/// them and gives the signals back their default action.
final class InterruptHandler {
    private static let signals = [SIGINT, SIGTERM]
    private let sources: [any DispatchSourceSignal]

    init(cancelling cancellation: RenderCancellation) {
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { cancellation.cancel() }
            source.resume()
            return source
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
