import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// A music source for the tests: writes a real WAV (a sine through libav) for the moods it
/// knows, throws for the others, and remembers what it was asked.
struct FakeMusicSource: MusicPieceSource {
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [(Mood, Double)] = []
        func record(_ mood: Mood, _ seconds: Double) { lock.withLock { asked.append((mood, seconds)) } }
        var all: [(mood: Mood, seconds: Double)] { lock.withLock { asked.map { ($0.0, $0.1) } } }
    }

    var name: String
    var moods: Set<Mood>
    var calls = Calls()
    /// Raises the job's cancellation once the piece is written (a cancel while it downloads).
    var cancels = false

    func piece(mood: Mood, seconds: Double, seed: UInt64, to path: String, cancellation: RenderCancellation) throws(StudioError) -> Credit {
        calls.record(mood, seconds)
        guard moods.contains(mood) else { throw StudioError(.synthesisFailed, "\(name) makes no \(mood.rawValue) music") }
        do {
            try SyntheticMedia(audioCodec: "pcm_s16le", container: "wav").write(audio: "sine=f=330:d=\(seconds)", channels: 2, to: path)
        } catch {
            throw .media(error)
        }
        if cancels { cancellation.cancel() }
        return Credit(role: .music, source: name, kind: "music-http", license: .generated, model: "fake-gen", seed: seed, prompt: mood.rawValue)
    }
}
