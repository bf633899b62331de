import Foundation

/// Checks a JSON document's size and nesting depth from its bytes, before any parser sees it.
///
/// Foundation's parsers recurse once per `[` or `{`: a megabyte of `[[[[…` overflows the
/// thread's stack long before it is rejected. This loop keeps one counter, skips strings
/// (and their escapes), and stops at the first byte too deep.
enum JSONPrescan {
    static func check(_ data: Data, limits: DocumentLimits) throws(TimelineError) {
        guard data.count <= limits.maxJSONBytes else {
            throw TimelineError(.invalidJSON, field: nil,
                                "the document is \(data.count) bytes, over the limit of \(limits.maxJSONBytes) (max_json_bytes in [limits])")
        }
        var depth = 0
        var inString = false, escaped = false
        for byte in data {
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
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                guard depth <= limits.maxJSONDepth else {
                    throw TimelineError(.invalidJSON, field: nil,
                                        "nesting deeper than \(limits.maxJSONDepth) levels (max_json_depth in [limits])")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
    }
}
