/// Checks JSON bytes for nesting depth before a recursive parser sees them: Foundation's
/// parsers recurse once per `[` or `{`, and a reply of a million `[` would overflow the job's
/// thread's stack. One counter, strings (and their escapes) skipped.
enum JSONNesting {
    /// Deepest nesting accepted in a provider's reply.
    static let maxDepth = 64

    static func isShallow(_ bytes: some Sequence<UInt8>, maxDepth: Int = maxDepth) -> Bool {
        var depth = 0
        var inString = false, escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return false }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return true
    }
}
