/// An espeak-ng voice name a job asks for (`en-us`, `mb/mb-fr1`): letters, digits, `-`, `_`,
/// `+` and at most one `/`, never `..`. Refused up front: the name picks a file in espeak-ng's
/// data folder.
enum VoiceName {
    static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+".unicodeScalars)

    static func validate(_ voice: String?) throws(PipelineError) {
        guard let voice else { return }
        let pieces = voice.split(separator: "/", omittingEmptySubsequences: false)
        let valid = voice.count <= 64 && pieces.count <= 2 && pieces.allSatisfy { piece in
            !piece.isEmpty && piece.first != "." && piece.unicodeScalars.allSatisfy(allowed.contains)
        }
        guard valid else { throw .invalidSpec("voice", "voice \"\(voice.prefix(64))\" is not an espeak-ng voice name") }
    }
}
