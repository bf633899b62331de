import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// Bytes a provider sent as a picture or a clip, made into a file of the job only once the
/// media engine's safe opening accepts them: the same probing as an upload (allow-listed
/// demuxers, `[limits]` checked before anything is allocated), a still that decodes, a video
/// with a picture and a duration. No provider is trusted more than an upload.
struct ReceivedVisual {
    let kind: VisualAsset.Kind
    /// Seconds, for a video.
    let duration: Double?

    /// Writes `data` to `relative` (through a hidden temporary in the same folder, removed on
    /// any failure) after checking it; `expectVideo` nil accepts either.
    static func accept(_ data: Data, as relative: String, expectVideo: Bool?, in directory: JobDirectory,
                       limits: Limits) throws(ReceivedMediaError) -> ReceivedVisual {
        let folder = (relative as NSString).deletingLastPathComponent
        let name = (relative as NSString).lastPathComponent
        let temporary = folder + "/.\(name).\(UInt32.random(in: 0...UInt32.max)).partial"
        guard FileManager.default.createFile(atPath: directory.path(temporary), contents: data) else {
            throw ReceivedMediaError("cannot write \(temporary)")
        }
        defer { directory.remove(temporary) }
        let probe: ProbeResult
        do {
            probe = try MediaProbe(measureLoudness: false, limits: limits.media).probe(directory.path(temporary))
        } catch {
            throw ReceivedMediaError("not media aiprod can use: \(error.message)")
        }
        guard probe.stream("video") != nil else { throw ReceivedMediaError("it has no picture") }
        let still = StillPicture.isStill(probe)
        if let expectVideo, expectVideo == still {
            throw ReceivedMediaError(expectVideo ? "a still picture where a video was asked for" : "a video where a picture was asked for")
        }
        var duration: Double?
        if still {
            guard StillPicture.decodes(directory.path(temporary), limits: limits.media) else {
                throw ReceivedMediaError("no picture could be decoded from it")
            }
        } else {
            guard let seconds = probe.durationSeconds, seconds.isFinite, seconds > 0.04 else {
                throw ReceivedMediaError("a video without a usable duration")
            }
            duration = seconds
        }
        guard rename(directory.path(temporary), directory.path(relative)) == 0 else {
            throw ReceivedMediaError("cannot move it into \(relative)")
        }
        return ReceivedVisual(kind: still ? .image : .video, duration: duration)
    }
}
