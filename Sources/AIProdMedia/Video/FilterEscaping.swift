import Foundation

/// Escaping for values inside a filter graph description, which are parsed twice: once as an
/// option value (`:` and `\` and `'` special) and once as part of the graph (`[],;` too).
enum FilterEscaping {
    static func value(_ text: String) -> String {
        escape(escape(text, special: "\\':"), special: "\\'[],;")
    }

    private static func escape(_ text: String, special: String) -> String {
        var out = ""
        for character in text {
            if special.contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// A number for a graph description: plain decimal, enough digits for frame accuracy.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
