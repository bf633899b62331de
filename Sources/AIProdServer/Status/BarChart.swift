import Foundation

/// A small inline SVG bar chart for the status page: one bar per time bin, the largest value
/// as the scale, a `<title>` per bar for the exact value. No script, no external font: the
/// page loads nothing from anywhere.
struct BarChart: Sendable {
    var title: String
    /// Bar heights; non-finite or negative values draw as 0.
    var values: [Double]
    /// How a value reads in the bar's tooltip and the scale (`"3 jobs"`, `"12.5 s"`).
    var format: @Sendable (Double) -> String
    /// Under the first and the last bar.
    var startLabel: String
    var endLabel: String

    static let width = 360, height = 140, top = 18, bottom = 22

    func svg() -> String {
        let clean = values.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let maximum = clean.max() ?? 0
        let plotHeight = Double(Self.height - Self.top - Self.bottom)
        let slot = clean.isEmpty ? 0 : Double(Self.width) / Double(clean.count)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(Self.width)\" height=\"\(Self.height)\""
            + " viewBox=\"0 0 \(Self.width) \(Self.height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
        out += "<text x=\"0\" y=\"12\" class=\"axis\">\(HTMLText.escape(title)) (max \(HTMLText.escape(format(maximum))))</text>"
        let baseline = Self.height - Self.bottom
        out += "<line x1=\"0\" y1=\"\(baseline)\" x2=\"\(Self.width)\" y2=\"\(baseline)\" class=\"base\"/>"
        for (index, value) in clean.enumerated() {
            let barHeight = maximum > 0 ? plotHeight * value / maximum : 0
            let x = Double(index) * slot + 1
            let y = Double(baseline) - barHeight
            out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(1, slot - 2)))\""
                + " height=\"\(Self.number(barHeight))\" class=\"bar\"><title>\(HTMLText.escape(format(value)))</title></rect>"
        }
        out += "<text x=\"0\" y=\"\(Self.height - 6)\" class=\"axis\">\(HTMLText.escape(startLabel))</text>"
        out += "<text x=\"\(Self.width)\" y=\"\(Self.height - 6)\" class=\"axis\" text-anchor=\"end\">\(HTMLText.escape(endLabel))</text>"
        return out + "</svg>"
    }

    /// One decimal: short attributes, no exponent notation.
    private static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths.isFinite, abs(tenths) < 1e12 else { return "0" }
        let whole = Int(tenths)
        return whole % 10 == 0 ? String(whole / 10) : String(format: "%.1f", Double(whole) / 10)
    }
}
