import Foundation

/// The ratio and duration asked of Runway for a scene: its allowed values only (anything else
/// is a 400), the ratio nearest the frame's aspect with the same orientation, the duration the
/// shortest allowed one that covers the scene (the longest when none does; the director holds
/// or loops the rest).
struct RunwayShape: Sendable, Hashable {
    var ratio: String
    var duration: Int

    /// gen4_turbo's ratios (and most models'); gen3a_turbo has its own two.
    static let ratios = ["1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"]
    static let gen3Ratios = ["1280:768", "768:1280"]
    static let durations = [5, 10]

    init(model: String, width: Int, height: Int, seconds: Double) {
        let choices = model.hasPrefix("gen3") ? Self.gen3Ratios : Self.ratios
        let aspect = Double(max(width, 1)) / Double(max(height, 1))
        func parts(_ ratio: String) -> (Double, Double) {
            let numbers = ratio.split(separator: ":").compactMap { Double($0) }
            return (numbers.first ?? 1, numbers.last ?? 1)
        }
        func orientation(_ w: Double, _ h: Double) -> Int { w > h ? 1 : w < h ? -1 : 0 }
        let frame = orientation(Double(width), Double(height))
        let same = choices.filter { let (w, h) = parts($0); return orientation(w, h) == frame }
        let candidates = same.isEmpty ? choices : same
        ratio = candidates.min { a, b in
            let (aw, ah) = parts(a), (bw, bh) = parts(b)
            return abs(log(aw / ah / aspect)) < abs(log(bw / bh / aspect))
        } ?? choices[0]
        duration = Self.durations.first { Double($0) >= seconds } ?? Self.durations.last ?? 5
    }
}
