/// The part of a canvas one frame shows, in canvas pixels; it has the output's aspect ratio.
struct ViewWindow: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    func scaled(by factor: Double) -> ViewWindow {
        ViewWindow(x: x * factor, y: y * factor, width: width * factor, height: height * factor)
    }
}
