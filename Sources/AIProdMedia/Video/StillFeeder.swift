import AIProdCore
import CFFmpeg

/// Supplies one decoded picture (the watermark) to the overlay graph and closes: overlay
/// repeats the last frame.
final class StillFeeder {
    let source: FilterGraph.Source
    private var picture: Frame?

    init(path: String, limits: MediaLimits) throws(MediaError) {
        let picture = try StillImage.decode(path: path, limits: limits)
        self.picture = picture
        let p = picture.pointer.pointee
        source = .video(width: p.width, height: p.height, pixelFormat: AVPixelFormat(rawValue: p.format),
                        timeBase: AVRational(num: 1, den: 1000), frameRate: AVRational(num: 0, den: 1),
                        sampleAspect: p.sample_aspect_ratio)
    }

    func feed(_ graph: FilterGraph, source name: String) throws(MediaError) -> Bool {
        guard let picture else { return false }
        picture.pointer.pointee.pts = 0
        try graph.push(picture, to: name)
        try graph.close(name, pts: 1)
        self.picture = nil
        return false
    }
}
