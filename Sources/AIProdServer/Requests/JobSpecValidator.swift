import AIProdCore
import Foundation

/// Checks what decoding cannot: a known preset, ranges, a usable webhook URL, and a Timeline's
/// own rules. Asset ids are checked against the store separately (that needs the database).
struct JobSpecValidator: Sendable {
    let limits: Limits
    let defaultPreset: String

    /// The preset the job renders with: named, else by aspect ratio, else the default.
    func preset(for spec: JobSpec) throws -> Preset {
        if let name = spec.preset {
            guard let preset = Preset.named(name) else {
                let known = Preset.builtin.map(\.name).joined(separator: ", ")
                throw APIError.invalid("unknown preset '\(name.prefix(64))' (known: \(known))", field: "preset")
            }
            if let ratio = spec.aspectRatio, ratio != Self.aspectRatio(of: preset) {
                throw APIError.invalid("preset \(name) is not \(ratio.rawValue)", field: "aspect_ratio")
            }
            return preset
        }
        let fallback = Preset.named(defaultPreset) ?? Preset.web720p
        switch spec.aspectRatio {
        case nil: return fallback
        case .landscape?: return Self.aspectRatio(of: fallback) == .landscape ? fallback : Preset.web720p
        case .portrait?: return Preset.shorts9x16
        case .square?: return Preset.square1x1
        }
    }

    func validate(_ spec: JobSpec) throws {
        if !(-100...100).contains(spec.priority) {
            throw APIError.invalid("priority must be between -100 and 100", field: "priority")
        }
        if let volume = spec.music.volumeDb, !(volume.isFinite && (-40...12).contains(volume)) {
            throw APIError.invalid("volume_db must be between -40 and 12", field: "music.volume_db")
        }
        if let duration = spec.duration, !(duration.isPositive && duration <= TimelineValidator.maxDuration) {
            throw APIError.invalid("duration must be positive and at most 6 hours", field: "duration")
        }
        if let title = spec.title, title.count > 200 {
            throw APIError.invalid("title is longer than 200 characters", field: "title")
        }
        if let voice = spec.voice, voice.isEmpty || voice.count > 64 || !voice.allSatisfy(Self.isVoiceCharacter) {
            throw APIError.invalid("voice must be an espeak-ng voice name", field: "voice")
        }
        if let style = spec.style, style.count > 500 || style.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
            throw APIError.invalid("style is at most 500 characters, without control characters", field: "style")
        }
        if let url = spec.webhookUrl {
            try validateWebhook(url)
        }
        if spec.assetIds.count > 1_000 {
            throw APIError.invalid("at most 1000 asset ids", field: "asset_ids")
        }
        for (index, id) in spec.assetIds.enumerated() where !AssetID.isValid(id) {
            throw APIError.invalid("an asset id is 64 lowercase hex characters", field: "asset_ids[\(index)]")
        }
        if let timeline = spec.timeline {
            do {
                try TimelineValidator(limits: limits.documents).validate(timeline)
            } catch {
                var apiError = APIError(error)
                apiError.field = apiError.field.map { "timeline." + $0 }
                throw apiError
            }
        }
    }

    private func validateWebhook(_ text: String) throws {
        guard text.utf8.count <= 2048, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw APIError.invalid("webhook_url must be an http or https URL", field: "webhook_url")
        }
    }

    private static func isVoiceCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == "+")
    }

    static func aspectRatio(of preset: Preset) -> AspectRatio? {
        if preset.width == preset.height { return .square }
        return preset.width > preset.height ? .landscape : .portrait
    }
}
