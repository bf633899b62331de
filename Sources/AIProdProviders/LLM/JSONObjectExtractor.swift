import Foundation

/// Finds the JSON object in a model's text: what a server without structured output gives
/// when asked for "only JSON" — the object bare, in a ```json fence, or after "Here is the
/// plan:" with a closing remark.
///
/// Looks first inside code fences, then in the whole text; in each, tries every `{` in order
/// (at most ``maxStarts``), takes the text up to its matching `}` (strings and escapes
/// skipped, nesting bounded) and returns the first that parses as a JSON object.
enum JSONObjectExtractor {
    /// `{` positions tried per candidate text: a reply of ten thousand braces costs little.
    static let maxStarts = 64

    static func extract(from text: String) -> String? {
        for candidate in fencedBlocks(in: text) + [Substring(text)] {
            if let object = firstObject(in: Array(candidate.utf8)) { return object }
        }
        return nil
    }

    /// The contents of each ``` fence (its info string, `json`, dropped), in order.
    static func fencedBlocks(in text: String) -> [Substring] {
        guard text.contains("```") else { return [] }
        var blocks: [Substring] = []
        var rest = text[...]
        while let open = rest.range(of: "```") {
            let afterOpen = rest[open.upperBound...]
            // The info string runs to the end of the fence's line.
            let bodyStart = afterOpen.firstIndex(where: \.isNewline).map { afterOpen.index(after: $0) } ?? afterOpen.endIndex
            let body = afterOpen[bodyStart...]
            guard let close = body.range(of: "```") else {
                blocks.append(body)
                break
            }
            blocks.append(body[..<close.lowerBound])
            rest = body[close.upperBound...]
        }
        return blocks
    }

    private static func firstObject(in bytes: [UInt8]) -> String? {
        var starts = 0
        var index = 0
        while index < bytes.count, starts < maxStarts {
            guard bytes[index] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            starts += 1
            if let end = matchingBrace(bytes, from: index) {
                let slice = bytes[index...end]
                if let object = try? JSONSerialization.jsonObject(with: Data(slice)), object is [String: Any] {
                    return String(decoding: slice, as: UTF8.self)
                }
            }
            index += 1
        }
        return nil
    }

    /// The index of the `}` closing the `{` at `start`; nil when it is never closed, or the
    /// object nests deeper than ``JSONNesting/maxDepth``.
    private static func matchingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var walker = JSONBracketWalker()
        var depth = 0
        for index in start..<bytes.count {
            switch walker.step(bytes[index]) {
            case .open:
                depth += 1
                if depth > JSONNesting.maxDepth { return nil }
            case .close:
                depth -= 1
                if depth == 0 { return bytes[index] == UInt8(ascii: "}") ? index : nil }
            case .other: break
            }
        }
        return nil
    }
}
