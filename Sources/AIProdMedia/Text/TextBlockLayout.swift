import AIProdCore

/// Where a text layer's lines go: fitted into the safe area by ``TextFitter``, then placed as
/// the placement asks (title centred, lower third at the bottom left, free at its corner),
/// moved back inside the safe area if needed. Each line becomes its own drawtext (drawtext 5.1
/// cannot centre lines), so lines carry drawtext's own `x`/`y`: the pen origin of the line and
/// the top of its tallest glyph.
struct TextBlockLayout: Sendable, Hashable {
    struct Line: Sendable, Hashable {
        var text: String
        var x: Int
        var y: Int
    }

    /// A rectangle in frame pixels, `max` exclusive.
    struct Bounds: Sendable, Hashable {
        var minX: Int, minY: Int, maxX: Int, maxY: Int
    }

    var fitted: FittedText
    /// The lines to draw (blank lines left out).
    var lines: [Line]
    /// Everything drawn: ink, box padding and shadow.
    var bounds: Bounds
    /// Box padding drawn around each line (0 without a box).
    var padding: Int

    /// Pixels the drop shadow reaches right and down when a layer has no box.
    static let shadow = 2

    /// The size a layer gets when it names none: by placement, from the frame height.
    static func defaultSize(_ placement: TextLayer.Placement, height: Int) -> Int {
        let fraction = placement == .title ? 0.075 : 0.05
        return max(1, Int((Double(height) * fraction).rounded()))
    }

    /// The smallest size text is shrunk to: 2 % of the frame's shorter side, at least 8 px.
    static func floorSize(width: Int, height: Int) -> Int {
        max(8, min(width, height) / 50)
    }

    init(_ layer: TextLayer, width: Int, height: Int, measure: any TextMeasuring) {
        let safe = SafeArea(width: width, height: height)
        let box = layer.box ?? (layer.placement == .lowerThird ? TextBox() : nil)
        let padding = box.map { min(max(0, $0.padding), min(safe.width, safe.height) / 4) } ?? 0
        let shadow = box == nil ? Self.shadow : 0
        let extra = 2 * padding + shadow

        // The block's left edge as the placement wants it, and the width available from there.
        let wantedLeft: Int
        switch layer.placement {
        case .title: wantedLeft = safe.minX
        case .lowerThird: wantedLeft = max(safe.minX, Int((Double(width) * 0.06).rounded()))
        case .free: wantedLeft = Int(Self.fraction(layer.x) * Double(width)) - padding
        }
        let left = min(max(wantedLeft, safe.minX), safe.maxX)
        var available = safe.maxX - left - extra
        if available < (safe.width - extra) / 2 { available = safe.width - extra }

        let preferred = min(max(1, layer.size ?? Self.defaultSize(layer.placement, height: height)), max(1, safe.height))
        let gap: (Int) -> Int = padding > 0 ? { _ in 2 * padding } : { max(1, $0 / 10) }
        let fitter = TextFitter(measure: measure, maxWidth: max(1, available), maxHeight: max(1, safe.height - extra), lineGap: gap)
        let fitted = fitter.fit(layer.text, preferred: preferred, floor: Self.floorSize(width: width, height: height))

        let blockWidth = fitted.width + extra, blockHeight = fitted.height + extra
        let blockLeft: Int, blockTop: Int
        switch layer.placement {
        case .title:
            blockLeft = safe.minX + (safe.width - blockWidth) / 2
            blockTop = safe.minY + (safe.height - blockHeight) / 2
        case .lowerThird:
            blockLeft = left
            blockTop = min(Int((Double(height) * 0.74).rounded()), safe.maxY) - blockHeight
        case .free:
            blockLeft = wantedLeft
            blockTop = Int(Self.fraction(layer.y) * Double(height)) - padding
        }
        let top = Self.clamp(blockTop, safe.minY, safe.maxY - blockHeight)
        let leftEdge = Self.clamp(blockLeft, safe.minX, safe.maxX - blockWidth)

        var lines: [Line] = []
        var bounds = Bounds(minX: Int.max, minY: Int.max, maxX: Int.min, maxY: Int.min)
        for (index, text) in fitted.lines.enumerated() where !text.isEmpty {
            let extent = fitted.extents[index]
            let lineLeft = layer.placement == .title
                ? safe.minX + (safe.width - extent.width - extra) / 2
                : leftEdge
            let baseline = top + padding + fitted.top + index * fitted.pitch
            let line = Line(text: text, x: lineLeft + padding - extent.left, y: baseline - extent.ascent)
            lines.append(line)
            bounds.minX = min(bounds.minX, lineLeft)
            bounds.maxX = max(bounds.maxX, lineLeft + extent.width + extra)
            bounds.minY = min(bounds.minY, line.y - padding)
            bounds.maxY = max(bounds.maxY, baseline + extent.descent + padding + shadow)
        }
        if lines.isEmpty { bounds = Bounds(minX: leftEdge, minY: top, maxX: leftEdge, maxY: top) }
        self.fitted = fitted
        self.lines = lines
        self.bounds = bounds
        self.padding = padding
    }

    /// A fraction of the frame from a layer's `x`/`y`: 0…1, and 0 for none or not a number.
    private static func fraction(_ value: Double?) -> Double {
        guard let value, value.isFinite else { return 0 }
        return min(max(value, 0), 1)
    }

    /// `value` within `low…high`, preferring `low` when the range is empty.
    private static func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
        max(low, min(value, high))
    }
}
