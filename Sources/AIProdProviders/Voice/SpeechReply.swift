import Foundation

/// What a speech API answered, before the audio is trusted: the encoded audio as received and,
/// from APIs that time their speech (ElevenLabs), when each character of the input is heard.
struct SpeechReply: Sendable {
    var audio: Data
    var alignment: CharacterAlignment?
}
