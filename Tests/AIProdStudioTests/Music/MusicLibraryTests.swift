import AIProdCore
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// `MusicLibrary` and its sidecars: mood folders, tags anywhere, credits, seeded picks, and
/// untidy or hostile folders.
@Suite("Music: the studio's library")
struct MusicLibraryTests {
    static func fixture() -> ScratchDirectory {
        let scratch = ScratchDirectory("music-library")
        for name in ["lib/calm/b-tide.wav", "lib/calm/a-dawn.flac", "lib/Epic/march.OGG", "lib/any/deep/storm.mp3", "lib/any/untagged.wav",
                     "lib/calm/.hidden.wav", "lib/calm/notes.txt", "lib/any/huge.wav", "lib/any/binary.wav", "lib/dragons/roar.wav",
                     "lib/calm/nested/inner.wav"] {
            scratch.write("not really audio", to: name)
        }
        scratch.write("epic, Tense\tplayful words that are not moods", to: "lib/any/deep/storm.tags")
        scratch.write("sad " + String(repeating: "x", count: 5_000), to: "lib/any/huge.tags")
        scratch.write("sad\u{0}epic", to: "lib/any/binary.tags")
        scratch.write("epic", to: "lib/calm/b-tide.tags")
        scratch.write("# credits\ntitle: Dawn Chorus\nauthor = Jo Doe\nlicense: cc-by\nlink: https://example.com/dawn\nbogus line\n",
                      to: "lib/calm/a-dawn.credit")
        return scratch
    }

    @Test("mood folders (any case) and tags sidecars anywhere; other, hidden, nested-in-mood and hostile files are passed over")
    func scan() {
        let scratch = Self.fixture()
        let library = MusicLibrary(root: scratch.file("lib"))
        #expect(library.isReadable)
        #expect(library.entries(for: .calm).map(\.name) == ["calm/a-dawn.flac", "calm/b-tide.wav"])
        #expect(library.entries(for: .epic).map(\.name) == ["Epic/march.OGG", "any/deep/storm.mp3", "calm/b-tide.wav"])
        #expect(library.entries(for: .tense).map(\.name) == ["any/deep/storm.mp3"])
        #expect(library.entries(for: .playful).map(\.name) == ["any/deep/storm.mp3"])
        #expect(library.entries(for: .sad).isEmpty, "an oversized or binary sidecar is ignored")
        #expect(library.entries.count == 4)
    }

    @Test("credits: the file name as title, source library, studio licence; a .credit sidecar overrides")
    func credits() throws {
        let scratch = Self.fixture()
        let library = MusicLibrary(root: scratch.file("lib"))
        let tide = try #require(library.entries.first { $0.name == "calm/b-tide.wav" }?.credit)
        #expect(tide == Credit(role: .music, source: "library", title: "b-tide", license: .studio))
        let dawn = try #require(library.entries.first { $0.name == "calm/a-dawn.flac" }?.credit)
        #expect(dawn.title == "Dawn Chorus" && dawn.author == "Jo Doe" && dawn.license == .ccBy && dawn.link == "https://example.com/dawn")
        #expect(dawn.source == "library" && dawn.role == .music)
    }

    @Test("the seed picks a piece and the rest follow round the list; the same seed, the same order")
    func picks() {
        let scratch = Self.fixture()
        let library = MusicLibrary(root: scratch.file("lib"))
        let all = library.entries(for: .epic).map(\.name)
        var firsts: Set<String> = []
        for seed in UInt64(0)..<40 {
            let order = library.candidates(for: .epic, seed: seed).map(\.name)
            #expect(Set(order) == Set(all) && order.count == all.count)
            #expect(order == library.candidates(for: .epic, seed: seed).map(\.name))
            let first = all.firstIndex(of: order[0])!
            #expect(order == Array(all[first...] + all[..<first]))
            firsts.insert(order[0])
        }
        #expect(firsts.count == all.count, "every piece is someone's first pick")
        #expect(library.candidates(for: .sad, seed: 1).isEmpty)
    }

    @Test("no folder, a missing folder, a file for a folder")
    func missing() {
        let scratch = ScratchDirectory("music-library-missing")
        #expect(MusicLibrary(root: nil).isReadable && MusicLibrary(root: nil).entries.isEmpty)
        #expect(!MusicLibrary(root: scratch.file("nowhere")).isReadable)
        scratch.write("a file", to: "plain")
        #expect(!MusicLibrary(root: scratch.file("plain")).isReadable)
    }
}
