/// One MIDI-like instruction at an exact sample: what the score hands the synthesiser.
///
/// Times are whole samples at the score's rate (48 kHz), not seconds or ticks, so the
/// synthesiser renders exactly up to each event and the piece ends on the exact sample.
/// Channels are 0-based MIDI channels; the drum kit is on 9 (General MIDI's channel 10).
public struct NoteEvent: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case programChange(program: Int)
        case controlChange(controller: Int, value: Int)
        case noteOn(note: Int, velocity: Int)
        case noteOff(note: Int)

        /// Order among events on the same sample: set up a channel before playing it, and
        /// release a note before striking it again.
        var rank: Int {
            switch self {
            case .programChange: 0
            case .controlChange: 1
            case .noteOff: 2
            case .noteOn: 3
            }
        }
    }

    public var sample: Int64
    public var channel: Int
    public var kind: Kind

    public init(sample: Int64, channel: Int, kind: Kind) {
        self.sample = sample
        self.channel = channel
        self.kind = kind
    }

    public var description: String { "@\(sample) ch\(channel) \(kind)" }

    /// The drum kit's channel.
    public static let drumChannel = 9
}
