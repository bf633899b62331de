import Foundation

/// Freesound's search reply (a sound list with the `fields` asked), decoded strictly and
/// checked for sense.
struct FreesoundPage: Decodable {
    struct Sound: Decodable {
        var id: Int64
        var name: String?
        var username: String?
        /// The licence deed's URL.
        var license: String
        var duration: Double
        /// `preview-hq-mp3`, `preview-hq-ogg`, `preview-lq-mp3`, `preview-lq-ogg`.
        var previews: [String: String]
        /// The sound's page on freesound.org.
        var url: String?
    }

    var results: [Sound]

    /// Previews in the order they are preferred.
    static let previewKeys = ["preview-hq-mp3", "preview-hq-ogg", "preview-lq-mp3", "preview-lq-ogg"]

    func check(provider: String) throws(ProviderError) {
        guard results.count <= FreesoundClient.maxResults else {
            throw ProviderError(.malformedReply, provider: provider, "the reply lists \(results.count) sounds, more than a page holds")
        }
        for sound in results {
            guard sound.id >= 0, sound.duration.isFinite, (0...86_400).contains(sound.duration) else {
                throw ProviderError(.malformedReply, provider: provider, "sound \(sound.id) has an impossible id or duration")
            }
            guard sound.previews.count <= 16 else {
                throw ProviderError(.malformedReply, provider: provider, "sound \(sound.id) lists \(sound.previews.count) previews")
            }
        }
    }

    /// The preview URL to fetch for `sound`.
    static func preview(of sound: Sound) -> String? {
        previewKeys.lazy.compactMap { sound.previews[$0] }.first
    }
}
