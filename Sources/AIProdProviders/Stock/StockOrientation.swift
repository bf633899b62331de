/// Which way a stock photo or video should face: the video's frame, so a picture fills it
/// without a heavy crop. Pexels takes the same three words as a search filter.
public enum StockOrientation: String, Sendable, Hashable {
    case landscape, portrait, square

    /// The orientation of a `width`×`height` frame: within 5 % of square counts as square.
    public init(width: Int, height: Int) {
        let larger = Double(max(width, height)), smaller = Double(min(width, height))
        if larger <= 0 || smaller / larger >= 0.95 {
            self = .square
        } else {
            self = width > height ? .landscape : .portrait
        }
    }
}
