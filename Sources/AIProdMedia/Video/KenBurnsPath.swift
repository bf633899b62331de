import AIProdCore
import Foundation

/// The camera's path over a still: which window of the canvas each frame shows.
///
/// Sizes interpolate geometrically (a zoom that feels steady), centres linearly; everything is
/// in floating-point canvas pixels, so motion is sub-pixel smooth however slow it is.
struct KenBurnsPath: Sendable {
    let canvasWidth: Double
    let canvasHeight: Double
    let aspect: Double
    private let startWindow: ViewWindow
    private let endWindow: ViewWindow
    private let easing: KenBurns.Easing

    init(canvasWidth: Double, canvasHeight: Double, outputAspect: Double, kenBurns: KenBurns?) {
        self.canvasWidth = canvasWidth
        self.canvasHeight = canvasHeight
        aspect = outputAspect
        easing = kenBurns?.easing ?? .linear
        // The largest window of the output's shape that fits the canvas.
        let base: (w: Double, h: Double) = canvasWidth / canvasHeight > outputAspect
            ? (canvasHeight * outputAspect, canvasHeight)
            : (canvasWidth, canvasWidth / outputAspect)
        guard let kenBurns else {
            startWindow = Self.centred(base.w, base.h, canvasWidth, canvasHeight)
            endWindow = startWindow
            return
        }
        if let from = kenBurns.from, let to = kenBurns.to {
            startWindow = Self.window(from, canvasWidth, canvasHeight, outputAspect)
            endWindow = Self.window(to, canvasWidth, canvasHeight, outputAspect)
            return
        }
        let zoomed = 1 / (1 + kenBurns.amount)
        let (startScale, endScale): (Double, Double) = switch kenBurns.zoom {
        case .in: (1, zoomed)
        case .out: (zoomed, 1)
        case .none: kenBurns.pan == .none ? (1, 1) : (zoomed, zoomed)
        }
        let (dx, dy) = Self.direction(kenBurns.pan)
        func place(_ scale: Double, _ progress: Double) -> ViewWindow {
            let w = base.w * scale, h = base.h * scale
            func axis(_ d: Double, _ size: Double, _ extent: Double) -> Double {
                let low = 0.0, high = extent - size
                if d == 0 { return high / 2 }
                return d > 0 ? low + (high - low) * progress : high - (high - low) * progress
            }
            return ViewWindow(x: axis(dx, w, canvasWidth), y: axis(dy, h, canvasHeight), width: w, height: h)
        }
        startWindow = place(startScale, 0)
        endWindow = place(endScale, 1)
    }

    /// The window at `progress` 0…1 through the clip.
    func window(at progress: Double) -> ViewWindow {
        let t = min(max(progress, 0), 1)
        let eased = easing == .linear ? t : 0.5 - 0.5 * cos(Double.pi * t)
        let width = startWindow.width * pow(endWindow.width / startWindow.width, eased)
        let height = width / aspect
        let startCentre = (startWindow.x + startWindow.width / 2, startWindow.y + startWindow.height / 2)
        let endCentre = (endWindow.x + endWindow.width / 2, endWindow.y + endWindow.height / 2)
        var cx = startCentre.0 + (endCentre.0 - startCentre.0) * eased
        var cy = startCentre.1 + (endCentre.1 - startCentre.1) * eased
        cx = min(max(cx, width / 2), canvasWidth - width / 2)
        cy = min(max(cy, height / 2), canvasHeight - height / 2)
        return ViewWindow(x: cx - width / 2, y: cy - height / 2, width: width, height: height)
    }

    /// The narrowest window on the path: the canvas is scaled so that it maps about 1:1 to
    /// output pixels, never sampled below the output's resolution.
    var narrowestWidth: Double { min(startWindow.width, endWindow.width) }

    private static func centred(_ w: Double, _ h: Double, _ cw: Double, _ ch: Double) -> ViewWindow {
        ViewWindow(x: (cw - w) / 2, y: (ch - h) / 2, width: w, height: h)
    }

    /// An explicit rectangle made the output's shape around its centre and kept in the canvas.
    private static func window(_ rect: NormalizedRect, _ cw: Double, _ ch: Double, _ aspect: Double) -> ViewWindow {
        var w = rect.w * cw, h = rect.h * ch
        if w / h > aspect { h = w / aspect } else { w = h * aspect }
        let fit = min(1, cw / w, ch / h)
        w *= fit
        h *= fit
        let cx = min(max((rect.x + rect.w / 2) * cw, w / 2), cw - w / 2)
        let cy = min(max((rect.y + rect.h / 2) * ch, h / 2), ch - h / 2)
        return ViewWindow(x: cx - w / 2, y: cy - h / 2, width: w, height: h)
    }

    /// Pan direction as the way the window travels: +x right, +y down.
    private static func direction(_ pan: KenBurns.Pan) -> (Double, Double) {
        switch pan {
        case .none: (0, 0)
        case .left: (-1, 0)
        case .right: (1, 0)
        case .up: (0, -1)
        case .down: (0, 1)
        case .upLeft: (-1, -1)
        case .upRight: (1, -1)
        case .downLeft: (-1, 1)
        case .downRight: (1, 1)
        }
    }
}
