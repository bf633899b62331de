/// Renders a window of a yuv420p canvas to a yuv420p output frame with bilinear filtering at
/// sub-pixel positions: the per-frame half of Ken Burns (the canvas was scaled once, with a
/// high-quality filter, so each frame only resamples by a factor near 1).
struct WindowSampler {
    /// Fills `output` with `window` (in luma pixels of `canvas`).
    static func render(canvas: Frame, window: ViewWindow, into output: Frame) {
        let width = Int(output.width), height = Int(output.height)
        let canvasWidth = Int(canvas.width), canvasHeight = Int(canvas.height)
        sample(source: canvas.plane(0), sourceStride: canvas.stride(0), sourceWidth: canvasWidth, sourceHeight: canvasHeight,
               window: window, destination: output.plane(0), destinationStride: output.stride(0), width: width, height: height)
        let chroma = window.scaled(by: 0.5)
        for plane in 1...2 {
            sample(source: canvas.plane(plane), sourceStride: canvas.stride(plane),
                   sourceWidth: (canvasWidth + 1) / 2, sourceHeight: (canvasHeight + 1) / 2, window: chroma,
                   destination: output.plane(plane), destinationStride: output.stride(plane),
                   width: (width + 1) / 2, height: (height + 1) / 2)
        }
    }

    /// Bilinear resampling in 8-bit fixed point; columns' taps are computed once per plane.
    private static func sample(
        source: UnsafeMutablePointer<UInt8>, sourceStride: Int, sourceWidth: Int, sourceHeight: Int, window: ViewWindow,
        destination: UnsafeMutablePointer<UInt8>, destinationStride: Int, width: Int, height: Int
    ) {
        let stepX = window.width / Double(width)
        let stepY = window.height / Double(height)
        var columns = [Int32](repeating: 0, count: width)
        var columnWeights = [Int32](repeating: 0, count: width)
        let lastColumn = max(sourceWidth - 2, 0)
        for u in 0..<width {
            let x = min(max(window.x + (Double(u) + 0.5) * stepX - 0.5, 0), Double(sourceWidth - 1))
            let index = min(Int(x), lastColumn)
            columns[u] = Int32(index)
            columnWeights[u] = Int32(((x - Double(index)) * 256).rounded())
        }
        let lastRow = max(sourceHeight - 2, 0)
        columns.withUnsafeBufferPointer { columns in
            columnWeights.withUnsafeBufferPointer { weights in
                for v in 0..<height {
                    let y = min(max(window.y + (Double(v) + 0.5) * stepY - 0.5, 0), Double(sourceHeight - 1))
                    let row = min(Int(y), lastRow)
                    let fy = Int32(((y - Double(row)) * 256).rounded())
                    let top = source + row * sourceStride
                    let bottom = sourceHeight > 1 ? top + sourceStride : top
                    let out = destination + v * destinationStride
                    // The hot loop of Ken Burns. Its operands are bounded here, not by the input:
                    // samples are 0…255 and weights 0…256, so `upper` and `lower` stay within
                    // 0…65_535 and the blend within ±2^25: wrapping operators cannot wrap, and
                    // without overflow checks the loop vectorises (release keeps checks elsewhere).
                    for u in 0..<width {
                        let c = Int(columns[u])
                        let fx = weights[u]
                        let a = Int32(top[c]), b = Int32(top[c + 1])
                        let cc = Int32(bottom[c]), d = Int32(bottom[c + 1])
                        let upper = (a << 8) &+ (b &- a) &* fx
                        let lower = (cc << 8) &+ (d &- cc) &* fx
                        out[u] = UInt8(truncatingIfNeeded: ((upper << 8) &+ (lower &- upper) &* fy &+ 32768) >> 16)
                    }
                }
            }
        }
    }
}
