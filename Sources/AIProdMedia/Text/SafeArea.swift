/// The part of the frame text must stay inside: action-safe, 90 % of each dimension centred
/// (a 5 % margin on every side), so nothing is cut by a player's crop, a TV's overscan or a
/// phone's rounded corners. Every text layer and burned subtitle is fitted into it.
struct SafeArea: Sendable, Hashable {
    /// Margin on each side as a fraction of the frame's width or height.
    static let margin = 0.05

    let minX: Int, minY: Int, maxX: Int, maxY: Int

    init(width: Int, height: Int) {
        let marginX = Int((Double(width) * Self.margin).rounded(.up))
        let marginY = Int((Double(height) * Self.margin).rounded(.up))
        minX = marginX
        minY = marginY
        maxX = max(marginX, width - marginX)
        maxY = max(marginY, height - marginY)
    }

    var width: Int { maxX - minX }
    var height: Int { maxY - minY }
}
