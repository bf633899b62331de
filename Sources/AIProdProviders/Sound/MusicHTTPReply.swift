import Foundation

/// What a music server may answer instead of the audio itself: the audio as base64, or a link
/// to it; and which model made it, when it says.
struct MusicHTTPReply: Decodable {
    var audio_base64: String?
    var url: String?
    var model: String?
}
