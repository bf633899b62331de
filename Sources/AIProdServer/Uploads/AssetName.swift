import Foundation

/// Checks an asset's name and tags: they are labels, never paths. A `/`, `\`, `..` or a control
/// character (NUL included) is refused with 400 naming the field.
enum AssetName {
    static func validate(name: String, field: String = "name") throws -> String {
        guard !name.isEmpty, name.utf8.count <= 255 else {
            throw APIError.badRequest("invalid_name", "a name is 1 to 255 bytes", field: field)
        }
        guard isSafe(name) else {
            throw APIError.badRequest("invalid_name", "a name cannot contain '/', '\\', '..' or control characters", field: field)
        }
        return name
    }

    static func tags(_ raw: String?) throws -> [String] {
        guard let raw, !raw.isEmpty else { return [] }
        let tags = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard tags.count <= 32 else { throw APIError.badRequest("invalid_tags", "at most 32 tags", field: "tags") }
        for tag in tags where tag.utf8.count > 64 || !isSafe(tag) {
            throw APIError.badRequest("invalid_tags", "a tag is at most 64 bytes, without '/', '\\', '..' or control characters", field: "tags")
        }
        return tags
    }

    static func isSafe(_ text: String) -> Bool {
        !text.contains("/") && !text.contains("\\") && !text.contains("..")
            && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }
}
