import AIProdMedia
import CEspeakNG

/// The buffer one synthesis writes into, handed to espeak-ng as `user_data`.
///
/// espeak-ng's synth callback is one process-global C function pointer: a Swift closure that
/// captured a buffer could not be passed as one. So the callback captures nothing, and finds
/// its buffer through the `user_data` pointer that espeak-ng copies into every event it
/// reports (the list terminator included). Only touched under ``EspeakEngine``'s lock.
final class EspeakCapture {
    var samples: [Int16] = []
    var words: [EspeakWordEvent] = []
    /// Looked at after every block (``EspeakEngine/bufferMilliseconds`` of speech).
    let cancellation: RenderCancellation
    /// Whether the callback told espeak-ng to stop (the samples are then incomplete).
    private(set) var aborted = false

    init(cancellation: RenderCancellation) {
        self.cancellation = cancellation
    }

    /// Set with `espeak_SetSynthCallback` once: appends each block of samples and each word
    /// event to the capture named by the events' `user_data`. Returns 0 (go on), or 1 (abort:
    /// espeak-ng stops speaking and `espeak_Synth` returns) once the capture's job is cancelled.
    static let callback: @convention(c) (UnsafeMutablePointer<Int16>?, Int32, UnsafeMutablePointer<espeak_EVENT>?) -> Int32 = { wav, count, events in
        guard let events, let userData = events.pointee.user_data else { return 0 }
        let capture = Unmanaged<EspeakCapture>.fromOpaque(userData).takeUnretainedValue()
        if let wav, count > 0 {
            capture.samples.append(contentsOf: UnsafeBufferPointer(start: wav, count: Int(count)))
        }
        var event = events
        while event.pointee.type != espeakEVENT_LIST_TERMINATED {
            if event.pointee.type == espeakEVENT_WORD {
                capture.words.append(EspeakWordEvent(
                    textPosition: Int(event.pointee.text_position), length: Int(event.pointee.length),
                    sample: Int64(event.pointee.sample)))
            }
            event += 1
        }
        if capture.cancellation.isCancelled {
            capture.aborted = true
            return 1
        }
        return 0
    }
}
