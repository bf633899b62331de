import Foundation

/// The character rules behind ``SpeechText``: what a viewer can be shown and what espeak-ng
/// can say.
///
/// Scripts arrive pasted from editors, chats and web pages, so they carry things that are not
/// prose. Markup (`<b>`, `&amp;`, `**bold**`) is formatting, so it leaves both forms. Emoji
/// and pictographs are left out of both: espeak-ng skips most of them, and DejaVu Sans (the
/// subtitle font) has no colour emoji, so a subtitle would show an empty box. Control and
/// invisible format characters are dropped too. URLs are dropped from speech only: "h t t p s
/// colon slash slash" helps no listener, but the font can show them, and a viewer may want
/// them. Symbols espeak-ng would read aloud as noise (`*` "star", `#` "hash", `~` "tilde",
/// arrows, bullets) are removed from speech only. Letters of every script, digits,
/// punctuation (« » — – … ’) and readable symbols (€ % & ° ©) stay in both.
public enum SpeechTextCleaner {
    /// The text with markup and invisible characters removed and its line structure kept:
    /// tags are deleted (block tags such as `<br>` and `<p>` become line breaks), common HTML
    /// entities decoded, every kind of line break turned into `\n`, tabs into spaces, other
    /// control and format characters and all emoji removed; canonically composed (NFC),
    /// because espeak-ng counts a decomposed "é" as two characters.
    public static func removingMarkup(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        let untagged = decodingEntities(removingTags(Array(composed.unicodeScalars)))
        var result = String.UnicodeScalarView()
        var index = 0
        while index < untagged.count {
            let scalar = untagged[index]
            let next = index + 1 < untagged.count ? untagged[index + 1] : nil
            index += 1
            if isLineBreak(scalar) {
                // "\r\n" is one break.
                if scalar == "\r", next == "\n" { index += 1 }
                result.append("\n")
            } else if scalar == "\t" {
                result.append(" ")
            } else if next == "\u{FE0F}" && scalar.properties.isEmoji || !isShowable(scalar) {
                // Dropped; an emoji-style variation (❤️, 1️⃣) goes as a whole sequence.
                if next == "\u{FE0F}" { index += 1 }
                if index < untagged.count, untagged[index] == "\u{20E3}" { index += 1 }
                // "Done 🎉." leaves "Done." rather than a stray "." after a space.
                let following = index < untagged.count ? untagged[index] : nil
                if isPictograph(scalar), let following, !following.properties.isWhitespace, isShowable(following) {
                    while let last = result.last, last == " " { result.removeLast() }
                }
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether DejaVu Sans can draw this as text: false for emoji and pictographs (and their
    /// modifiers, joiners, variation selectors and tags), control and format characters,
    /// private-use and unassigned code points.
    public static func isShowable(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .privateUse, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        default:
            break
        }
        if properties.isEmojiPresentation || properties.isEmojiModifier { return false }
        switch scalar.value {
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF,  // variation selectors
             0x20E3,  // combining keycap
             0x1F000...0x1FAFF:  // mahjong, cards, emoji, pictographs, regional indicators
            return false
        default:
            return true
        }
    }

    /// Whether the character is a pictograph (an emoji or a symbol with emoji presentation), as
    /// opposed to an invisible control or format character.
    static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isEmoji && !scalar.isASCII || (0x1F000...0x1FAFF).contains(scalar.value)
    }

    /// Whether espeak-ng should read this character (after ``isShowable(_:)``): false for the
    /// markdown and programming symbols it would name (`* _ # ~ ^ | \ `` ` < > { } [ ]`) and for
    /// arrows, bullets, box drawing, geometric shapes and dingbats ("right arrow", or nothing).
    public static func isSpeakable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "*", "_", "#", "~", "^", "|", "\\", "`", "<", ">", "{", "}", "[", "]",
             "\u{2022}", "\u{2023}", "\u{2043}", "\u{2219}", "\u{25E6}":  // bullets
            return false
        default:
            break
        }
        switch scalar.value {
        case 0x2190...0x21FF, 0x27F0...0x27FF, 0x2900...0x297F, 0x2B00...0x2BFF,  // arrows
             0x2500...0x25FF,  // box drawing, blocks, geometric shapes
             0x2600...0x27BF:  // miscellaneous symbols, dingbats
            return false
        default:
            return isShowable(scalar)
        }
    }

    /// Whether the character is one the subtitle keeps with the word after it: opening
    /// brackets and quotes (`(`, `«`, `“`, `¿`).
    public static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .openPunctuation, .initialPunctuation: return true
        default: return scalar == "¿" || scalar == "¡"
        }
    }

    /// Whether the character is a space that must not break a line or a number (U+00A0,
    /// U+2007, U+202F): French puts one before `:` and inside `100 000`.
    public static func isNoBreakSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{00A0}" || scalar == "\u{2007}" || scalar == "\u{202F}"
    }

    /// The URL inside a whitespace-free token, without the punctuation around it: one with a
    /// scheme (`https://`, `mailto:`), starting with `www.`, or a dotted host followed by a path
    /// (`example.com/page`). A bare `example.com` is not a URL: espeak-ng reads it as a person
    /// would ("example dot com").
    public static func urlRange(in token: Substring) -> Range<String.Index>? {
        var start = token.startIndex
        while start < token.endIndex, !(token[start].isLetter || token[start].isNumber) { start = token.index(after: start) }
        var end = token.endIndex
        while end > start {
            let last = token[token.index(before: end)]
            if last.isLetter || last.isNumber || last == "/" || last == "=" || last == "-" { break }
            end = token.index(before: end)
        }
        guard start < end else { return nil }
        let candidate = token[start..<end].lowercased()
        if candidate.hasPrefix("mailto:") || candidate.hasPrefix("www.") { return start..<end }
        if let scheme = candidate.range(of: "://") {
            let name = candidate[..<scheme.lowerBound]
            if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) {
                return start..<end
            }
            return nil
        }
        if let slash = candidate.firstIndex(of: "/") {
            let host = candidate[..<slash].split(separator: ".", omittingEmptySubsequences: false)
            if host.count >= 2, host.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }),
               host.last!.allSatisfy(\.isLetter), host.last!.count >= 2 {
                return start..<end
            }
        }
        return nil
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Tags with block meaning: replaced by a line break rather than deleted.
    private static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "hr",
        "section", "article", "header", "footer", "title",
    ]

    /// Deletes `<tag …>`, `</tag>`, `<!-- … -->` and `<!…>`: a `<` directly followed by a letter,
    /// `/` or `!`, closed by a `>` on the same line. A lone `<` ("a < b") is left alone.
    static func removingTags(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "<", index + 1 < scalars.count,
                  scalars[index + 1].properties.isAlphabetic || scalars[index + 1] == "/" || scalars[index + 1] == "!"
            else {
                output.append(scalar)
                index += 1
                continue
            }
            if scalars[(index + 1)...].starts(with: Array("!--".unicodeScalars)),
               let close = firstIndex(of: Array("-->".unicodeScalars), in: scalars, from: index + 4) {
                index = close + 3
                continue
            }
            var end = index + 1
            while end < scalars.count, end - index < 512, scalars[end] != ">", scalars[end] != "<", !isLineBreak(scalars[end]) { end += 1 }
            guard end < scalars.count, scalars[end] == ">" else {
                output.append(scalar)
                index += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(index + 1)..<end].drop { $0 == "/" }.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) })).lowercased()
            if blockTags.contains(name) { output.append("\n") }
            let opening = scalars[index + 1] != "/" && scalars[end - 1] != "/"
            index = end + 1
            // What a script or style element holds is code, never prose: skip to its end tag.
            if opening, name == "script" || name == "style", let close = firstIndex(ofEndTag: name, in: scalars, from: index) {
                index = close
            }
        }
        return output
    }

    /// The index just past `</name…>` (any case) at or after `start`, or nil.
    static func firstIndex(ofEndTag name: String, in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let pattern = Array(("</" + name).unicodeScalars)
        var index = start
        while index + pattern.count <= scalars.count {
            if zip(scalars[index..<(index + pattern.count)], pattern).allSatisfy({ String($0).lowercased() == String($1) }) {
                var end = index + pattern.count
                while end < scalars.count, scalars[end] != ">" { end += 1 }
                return end < scalars.count ? end + 1 : nil
            }
            index += 1
        }
        return nil
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start <= scalars.count - needle.count else { return nil }
        for index in start...(scalars.count - needle.count) where scalars[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }

    private static let namedEntities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "laquo": "«", "raquo": "»", "hellip": "…", "mdash": "—", "ndash": "–", "rsquo": "’", "lsquo": "‘",
        "ldquo": "“", "rdquo": "”", "eacute": "é", "egrave": "è", "agrave": "à", "ccedil": "ç", "euro": "€",
    ]

    /// Decodes `&amp;`, `&nbsp;`, `&#233;`, `&#xE9;` and a few other common named entities.
    static func decodingEntities(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains("&") else { return scalars }
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                output.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count, end - index <= 10, scalars[end] != ";", scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) || scalars[end] == "#" { end += 1 }
            let body = String(String.UnicodeScalarView(scalars[(index + 1)..<min(end, scalars.count)]))
            var decoded: Unicode.Scalar?
            if end < scalars.count, scalars[end] == ";" {
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if body.hasPrefix("#") {
                    decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init)
                } else {
                    decoded = namedEntities[body.lowercased()]
                }
            }
            if let decoded {
                output.append(decoded)
                index = end + 1
            } else {
                output.append("&")
                index += 1
            }
        }
        return output
    }
}
