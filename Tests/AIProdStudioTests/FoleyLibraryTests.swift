import AIProdCore
import AIProdMedia
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// `SoundLibrary` and `Foley`: the studio's folder is scanned once, picks are fixed by the
/// seed, a broken file is named, and categories without a file are synthesised.
@Suite("Foley: sound library")
struct FoleyLibraryTests {
    /// A library made with `SyntheticMedia`: `rain/` with a FLAC, a WAV and (when libvorbis is
    /// there) an Ogg, `door/` with an upper-case `.WAV`; plus a stray text file, a hidden file,
    /// a folder inside a category, an unknown category folder and a file at the root.
    struct Fixture {
        let directory = ScratchDirectory("library")
        var root: String { directory.file("sfx") }
        var rain: [String] = []
        var door: String { directory.file("sfx/door/slam.WAV") }

        init() throws {
            for folder in ["rain", "door", "dragons", "rain/more.wav"] {
                try FileManager.default.createDirectory(atPath: directory.file("sfx/\(folder)"), withIntermediateDirectories: true)
            }
            try SyntheticMedia(audioCodec: "flac").write(audio: "sine=f=440:d=1", channels: 2, to: directory.file("sfx/rain/a-drizzle.flac"))
            try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "anoisesrc=c=pink:d=2:s=1", channels: 2, to: directory.file("sfx/rain/b-storm.wav"))
            rain = [directory.file("sfx/rain/a-drizzle.flac"), directory.file("sfx/rain/b-storm.wav")]
            do {
                try SyntheticMedia(audioCodec: "libvorbis").write(audio: "sine=f=660:d=1.5", channels: 2, to: directory.file("sfx/rain/c-shower.ogg"))
                rain.append(directory.file("sfx/rain/c-shower.ogg"))
            } catch {
                // No Vorbis encoder in this libav: the Ogg case is skipped.
            }
            try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "sine=f=110:d=0.5", channels: 1, to: door)
            try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "sine=f=220:d=0.5", channels: 1, to: directory.file("sfx/dragons/roar.wav"))
            try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "sine=f=220:d=0.5", channels: 1, to: directory.file("sfx/rain.wav"))
            directory.write("recorded on the roof", to: "sfx/rain/notes.txt")
            directory.write("resource fork", to: "sfx/rain/._b-storm.wav")
        }
    }

    @Test("scan: category folders only, audio extensions in any case, sorted by name, nothing else")
    func scan() throws {
        let fixture = try Fixture()
        let library = SoundLibrary(root: fixture.root)
        #expect(library.root == fixture.root)
        #expect(library.files(for: .rain) == fixture.rain)
        #expect(library.files(for: .door) == [fixture.door])
        #expect(library.files(for: .wind).isEmpty)
        #expect(library.categories == [.rain, .door])
        #expect(SoundLibrary.scan(root: fixture.root) == library.files)
    }

    @Test("the library is scanned once: files added later are not seen by the same value")
    func cached() throws {
        let fixture = try Fixture()
        let library = SoundLibrary(root: fixture.root)
        try FileManager.default.createDirectory(atPath: fixture.directory.file("sfx/wind"), withIntermediateDirectories: true)
        try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "sine=f=220:d=0.5", channels: 1, to: fixture.directory.file("sfx/wind/gust.wav"))
        #expect(try library.pick(.wind, seed: 1) == nil)
        #expect(SoundLibrary(root: fixture.root).files(for: .wind) == [fixture.directory.file("sfx/wind/gust.wav")])
    }

    @Test("picks are fixed by the seed, reach every file, and report the file's own length")
    func picks() throws {
        let fixture = try Fixture()
        let library = SoundLibrary(root: fixture.root)
        var picked: Set<String> = []
        for seed in UInt64(0)..<40 {
            let effect = try #require(try library.pick(.rain, seed: seed))
            #expect(effect == (try library.pick(.rain, seed: seed)))
            #expect(effect.source == .library && effect.category == .rain)
            picked.insert(effect.path)
        }
        #expect(picked == Set(fixture.rain))
        let lengths = ["a-drizzle.flac": 1.0, "b-storm.wav": 2.0, "c-shower.ogg": 1.5]
        for seed in UInt64(0)..<10 {
            let effect = try #require(try library.pick(.rain, seed: seed))
            let expected = try #require(lengths[(effect.path as NSString).lastPathComponent])
            #expect(abs(effect.durationSeconds - expected) < 0.05, "\(effect.path): \(effect.durationSeconds) s")
        }
        #expect(try library.pick(.bell, seed: 1) == nil)
    }

    @Test("Foley: library files where it has them, synthesis for the other categories")
    func foley() throws {
        let fixture = try Fixture()
        let jobDirectory = ScratchDirectory("job")
        let foley = Foley(library: SoundLibrary(root: fixture.root))
        for category in SoundCategory.allCases {
            let effect = try foley.effect(category, seed: 11, in: jobDirectory.path)
            #expect(effect.category == category)
            switch category {
            case .rain:
                #expect(effect.source == .library)
                #expect(fixture.rain.contains(effect.path))
            case .door:
                #expect(effect == SoundEffect(path: fixture.door, category: .door, source: .library, durationSeconds: effect.durationSeconds))
                #expect(abs(effect.durationSeconds - 0.5) < 0.01)
            default:
                #expect(effect.source == .synthesised)
                #expect(effect.path == jobDirectory.file("sfx-\(category.rawValue)-11.wav"))
            }
        }
        #expect(jobDirectory.contents.count == SoundCategory.allCases.count - 2, "library files are used in place, not copied")
    }

    @Test("a .wav that is really text is an invalid asset naming the file")
    func notAudio() throws {
        let directory = ScratchDirectory()
        let fake = directory.write("RIFF? no: these are liner notes", to: "sfx/thunder/big.wav")
        let foley = Foley(library: SoundLibrary(root: directory.file("sfx")))
        #expect {
            try foley.effect(.thunder, seed: 1, in: directory.file("job"))
        } throws: { error in
            guard let error = error as? StudioError else { return false }
            return error.code == .invalidAsset && error.message.hasPrefix("sound library file \(fake) is not audio: ")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("job/sfx-thunder-1.wav")), "no silent substitution")
    }

    @Test("a picture named .flac is an invalid asset: it has no audio stream")
    func noAudioStream() throws {
        let directory = ScratchDirectory()
        try FileManager.default.createDirectory(atPath: directory.file("sfx/bell"), withIntermediateDirectories: true)
        let picture = directory.file("sfx/bell/bell.png")
        try SyntheticMedia.image("testsrc2=s=64x64", to: picture)
        let disguised = directory.file("sfx/bell/bell.flac")
        try FileManager.default.moveItem(atPath: picture, toPath: disguised)
        #expect {
            try SoundLibrary(root: directory.file("sfx")).pick(.bell, seed: 5)
        } throws: { error in
            guard let error = error as? StudioError else { return false }
            return error.code == .invalidAsset && error.message.contains(disguised) && error.message.contains("no audio stream")
        }
    }

    @Test("a missing library root is an empty library: everything is synthesised")
    func missingRoot() throws {
        let directory = ScratchDirectory()
        let library = SoundLibrary(root: directory.file("no-such-folder"))
        #expect(library.files.isEmpty && library.categories.isEmpty)
        let effect = try Foley(library: library).effect(.sea, seed: 2, in: directory.path)
        #expect(effect.source == .synthesised)
        #expect(effect.path == directory.file("sfx-sea-2.wav"))
        #expect(SoundLibrary(root: nil).files.isEmpty)
    }

    @Test("Foley(config:) uses [studio] sound_library; without it everything is synthesised")
    func configured() throws {
        let fixture = try Fixture()
        let job = ScratchDirectory("job")
        var config = StudioConfig()
        #expect(try Foley(config: config).effect(.door, seed: 1, in: job.path).source == .synthesised)
        config.soundLibrary = fixture.root
        let foley = Foley(config: config)
        #expect(foley.library.root == fixture.root)
        #expect(try foley.effect(.door, seed: 1, in: job.path).path == fixture.door)
    }
}
