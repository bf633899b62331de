import AIProdCore
import Foundation

/// The encoder's own thread: takes composed frames from a ``FrameChannel``, encodes them with
/// the mastered audio interleaved (audio is kept just ahead of video), and finishes the file.
final class EncodingThread: @unchecked Sendable {
    let channel = FrameChannel()
    private let writer: MP4Writer
    private let audio: MasteredAudio
    private let fps: Rational
    private var failure: MediaError?
    private let done = DispatchSemaphore(value: 0)

    init(writer: MP4Writer, audio: MasteredAudio, fps: Rational) {
        self.writer = writer
        self.audio = audio
        self.fps = fps
    }

    func start() {
        let thread = Thread { [self] in
            do {
                try run()
            } catch {
                failure = error as? MediaError ?? MediaError(.encodeFailed, "\(error)")
                channel.abandon()
            }
            done.signal()
        }
        thread.name = "aiprod-encoder"
        thread.start()
    }

    /// Waits for the thread; returns its error, if any.
    func join() -> MediaError? {
        done.wait()
        return failure
    }

    private func run() throws(MediaError) {
        var index: Int64 = 0
        while let frame = channel.receive() {
            // Audio up to the end of this video frame first, so the muxer interleaves evenly.
            try writeAudio(until: (Rational(index + 1) / fps).samples(at: 48_000))
            try writer.writeVideo(frame)
            index += 1
        }
        // A failed or cancelled render is discarded: do not spend time completing it.
        if channel.isAbandoned { return }
        try writeAudio(until: .max)
        try writer.finish()
    }

    private func writeAudio(until sample: Int64) throws(MediaError) {
        while audio.position < sample, let frame = try audio.next() {
            try writer.writeAudio(frame)
        }
    }
}
