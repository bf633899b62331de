/// Checks JSON bytes for nesting depth before a recursive parser sees them: Foundation's
/// parsers recurse once per `[` or `{`, and a reply of a million `[` would overflow the job's
/// thread's stack. One counter, strings (and their escapes) skipped.
enum JSONNesting {
    /// Deepest nesting accepted in a provider's reply.
    static let maxDepth = 64

    static func isShallow(_ bytes: some Sequence<UInt8>, maxDepth: Int = maxDepth) -> Bool {
        var walker = JSONBracketWalker()
        var depth = 0
        for byte in bytes {
            switch walker.step(byte) {
            case .open:
                depth += 1
                if depth > maxDepth { return false }
            case .close: depth -= 1
            case .other: break
            }
        }
        return true
    }
}

/// Reads JSON bytes one at a time and tells brackets that open or close a level from those
/// inside strings (escapes included), without parsing anything: what depth checks and the
/// search for an object's end share.
struct JSONBracketWalker {
    enum Step { case open, close, other }

    private var inString = false, escaped = false

    mutating func step(_ byte: UInt8) -> Step {
        if inString {
            if escaped {
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else if byte == UInt8(ascii: "\"") {
                inString = false
            }
            return .other
        }
        switch byte {
        case UInt8(ascii: "\""):
            inString = true
            return .other
        case UInt8(ascii: "["), UInt8(ascii: "{"): return .open
        case UInt8(ascii: "]"), UInt8(ascii: "}"): return .close
        default: return .other
        }
    }
}
