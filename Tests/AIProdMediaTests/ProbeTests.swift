import AIProdCore
import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// `MediaProbe` on files of known make-up.
@Suite("Probe media files")
struct ProbeTests {
    @Test("an MP4: container, H.264 and AAC streams, sizes, duration; decode counts frames and samples")
    func mp4() throws {
        let directory = ScratchDirectory()
        let path = try TestMedia.video(in: directory, seconds: 2, size: "320x240", rate: 25)
        let header = try MediaProbe(decode: false, measureLoudness: false).probe(path)
        #expect(header.path == path)
        #expect(header.format.contains("mp4"))
        #expect(header.sizeBytes == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value)
        #expect(abs((header.durationSeconds ?? 0) - 2) < 0.05)
        #expect(header.loudness == nil && header.decodeError == nil)
        #expect(header.streams.map(\.type).sorted() == ["audio", "video"])
        let video = try #require(header.stream("video"))
        #expect(video.codec == "h264")
        #expect(video.width == 320 && video.height == 240)
        #expect(video.pixelFormat == "yuv420p")
        #expect(video.frameRate == "25/1")
        #expect(abs((video.durationSeconds ?? 0) - 2) < 0.05)
        let audio = try #require(header.stream("audio"))
        #expect(audio.codec == "aac")
        #expect(audio.sampleRate == 48_000 && audio.channels == 2)
        #expect(audio.width == nil && audio.frameRate == nil)
        #expect(video.sampleRate == nil)

        let decoded = try MediaProbe(decode: true, measureLoudness: true).probe(path)
        #expect(decoded.decodeError == nil)
        #expect(decoded.stream("video")?.frames == 50)
        let samples = try #require(decoded.stream("audio")?.decodedSamples)
        #expect(abs(samples - 96_000) <= 1024, "about 2 s of AAC: \(samples) samples")
        let loudness = try #require(decoded.loudness)
        #expect(loudness.integratedLufs > -30 && loudness.integratedLufs < -10, "a 1/8 full-scale tone: \(loudness.integratedLufs) LUFS")
    }

    @Test("a WAV: PCM, rate, channels, exact samples", arguments: [Int32(1), 2])
    func wav(channels: Int32) throws {
        let directory = ScratchDirectory("wav-\(channels)")
        let path = try TestMedia.tone(in: directory, seconds: 1.5, channels: channels)
        let probe = try MediaProbe(decode: true, measureLoudness: false).probe(path)
        #expect(probe.format == "wav")
        #expect(probe.streams.count == 1)
        let audio = try #require(probe.stream("audio"))
        #expect(audio.codec == "pcm_s16le")
        #expect(audio.sampleFormat == "s16")
        #expect(audio.sampleRate == 48_000)
        #expect(audio.channels == Int(channels))
        #expect(audio.decodedSamples == 72_000)
        #expect(abs((probe.durationSeconds ?? 0) - 1.5) < 0.001)
        #expect(probe.stream("video") == nil)
    }

    @Test("still images: codec, size, no audio", arguments: ["still.png", "still.jpg"])
    func image(name: String) throws {
        let directory = ScratchDirectory("image-\(name)")
        let path = try TestMedia.image(in: directory, name: name, size: "200x100")
        let probe = try MediaProbe(decode: true).probe(path)
        #expect(probe.decodeError == nil)
        #expect(probe.loudness == nil, "no audio, no loudness")
        #expect(probe.streams.count == 1)
        let video = try #require(probe.stream("video"))
        #expect(video.codec == (name.hasSuffix(".png") ? "png" : "mjpeg"))
        #expect(video.width == 200 && video.height == 100)
        #expect(video.frames == 1)
    }

    @Test("probe JSON round-trips through Codable")
    func codable() throws {
        let directory = ScratchDirectory()
        let path = try TestMedia.tone(in: directory, seconds: 1)
        let probe = try MediaProbe().probe(path)
        let decoded = try JSONDecoder().decode(ProbeResult.self, from: JSONEncoder().encode(probe))
        #expect(decoded == probe)
    }

    @Test("files that are not media fail with a typed error naming the file")
    func notMedia() throws {
        let directory = ScratchDirectory()
        let missing = directory.file("missing.mp4")
        let missingError = try #require(throws: MediaError.self) { try MediaProbe().probe(missing) }
        #expect(missingError.code == .fileNotFound)
        #expect(missingError.file == missing)

        let text = directory.write("this is not a video\n", to: "notes.mp4")
        let textError = try #require(throws: MediaError.self) { try MediaProbe().probe(text) }
        #expect(textError.code == .notMedia)
        #expect(textError.description.contains(text))

        let folder = directory.file("folder.mp4")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let folderError = try #require(throws: MediaError.self) { try MediaProbe().probe(folder) }
        #expect(folderError.code == .fileUnreadable)
    }
}
