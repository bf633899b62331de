/// Renders a Codable coding path as a JSON path people can read: `video.clips[2].duration`.
enum JSONPath {
    static func string(_ path: [any CodingKey]) -> String {
        var result = ""
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                if !result.isEmpty { result += "." }
                result += snakeCase(key.stringValue)
            }
        }
        return result
    }

    /// `gainDb` → `gain_db`, the spelling the JSON uses.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }
}
