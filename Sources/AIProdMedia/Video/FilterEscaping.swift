import Foundation

/// Escaping for values inside a filter graph description, which are parsed twice: once as an
/// option value (`:` and `\` and `'` special) and once as part of the graph (`[],;` too).
enum FilterEscaping {
    static func value(_ text: String) -> String {
        escape(escape(text, special: "\\':"), special: "\\'[],;")
    }

    /// Works on Unicode scalars, as libavfilter reads bytes: a `'` or `:` fused with a combining
    /// mark into one `Character` must be escaped all the same.
    private static func escape(_ text: String, special: String) -> String {
        let special = Set(special.unicodeScalars)
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if special.contains(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// A number for a graph description: plain decimal, enough digits for frame accuracy.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
