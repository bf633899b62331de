import Foundation

/// Checks an asset's name and tags: they are labels, never paths. A `/`, `\`, `..` or a control
/// character (NUL included) is refused with 400 naming the field.
enum AssetName {
    /// What `/openapi.json` says of a name: no separators, no `..`, no control characters.
    static let pattern = #"^(?!.*\.\.)[^/\\\x00-\x1F\x7F-\x9F]{1,255}$"#
    static let tagsPattern = #"^(?!.*\.\.)[^/\\\x00-\x1F\x7F-\x9F]{0,2000}$"#

    static func validate(name: String, field: String = "name") throws -> String {
        guard !name.isEmpty, name.count <= 255, name.utf8.count <= 1024 else {
            throw APIError.badRequest("invalid_name", "a name is 1 to 255 characters", field: field)
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
