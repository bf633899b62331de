import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import Foundation
import Testing
import AIProdTestSupport

/// The assets folder's `NAME.tags` sidecars (real files: pictures made by libav, sidecars
/// written as a user, or an attacker, would) and matching a scene's visual description.
@Suite("Director: asset tags and descriptions")
struct DirectorAssetTagsTests {
    static func picture(_ name: String, in directory: ScratchDirectory) throws {
        try SyntheticMedia.image("color=c=gray:s=64x36", to: directory.file(name))
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func asset(_ catalog: AssetCatalog, _ name: String) throws -> VisualAsset {
        try #require(catalog.assets.first { $0.path.hasSuffix("/\(name)") })
    }

    @Test("a sidecar's words become tags (name.ext.tags and name.tags); the sidecar is not an asset")
    func sidecarTags() throws {
        let directory = ScratchDirectory()
        try Self.picture("img-01.jpg", in: directory)
        try Self.picture("harbour.png", in: directory)
        try Self.write("Lighthouse, storm\n  sea\tGULLS,,rock-pool x", to: directory.file("img-01.jpg.tags"))
        try Self.write("boats", to: directory.file("harbour.tags"))
        try Self.write("orphan words", to: directory.file("nothing-here.tags"))
        let catalog = try AssetCatalog.scan(directory.path)
        #expect(catalog.assets.count == 2, "sidecars, even an orphan, are not assets")
        #expect(try Self.asset(catalog, "img-01.jpg").tags == ["img", "lighthouse", "storm", "sea", "gulls", "rock", "pool"])
        #expect(try Self.asset(catalog, "harbour.png").tags == ["harbour", "boats"])
        #expect(catalog.match(["storm"], excluding: [])?.path.hasSuffix("img-01.jpg") == true)
        #expect(catalog.match(["boats"], excluding: [])?.path.hasSuffix("harbour.png") == true)
        #expect(catalog.match(["sea"], excluding: [])?.path.hasSuffix("img-01.jpg") == true, "a 3-letter sidecar tag matches exactly")
    }

    @Test("a stray file that is not a sidecar is still an error")
    func strayFileStillFails() throws {
        let directory = ScratchDirectory()
        try Self.picture("a.jpg", in: directory)
        try Self.write("not media", to: directory.file("notes.txt"))
        #expect(throws: StudioError.self) { try AssetCatalog.scan(directory.path) }
    }

    @Test("hostile sidecars: over 4 KiB, binary, control characters, a folder or FIFO named .tags; a missing one is fine",
          arguments: ["huge", "binary", "control", "folder", "fifo"])
    func hostileSidecar(kind: String) throws {
        let directory = ScratchDirectory("hostile-\(kind)")
        try Self.picture("a.jpg", in: directory)
        let sidecar = directory.file("a.jpg.tags")
        switch kind {
        case "huge": try Self.write(String(repeating: "word ", count: 1000), to: sidecar)
        case "binary": try Data([0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00, 0x01]).write(to: URL(fileURLWithPath: sidecar))
        case "control": try Self.write("storm\u{0}sea\u{1B}[31m", to: sidecar)
        case "folder": try FileManager.default.createDirectory(atPath: sidecar, withIntermediateDirectories: false)
        default: #expect(mkfifo(sidecar, 0o600) == 0)
        }
        #expect {
            try AssetCatalog.scan(directory.path)
        } throws: { error in
            guard let error = error as? StudioError else { return false }
            return error.code == .invalidAsset && error.message.contains("a.jpg.tags")
        }
        try FileManager.default.removeItem(atPath: sidecar)
        let catalog = try AssetCatalog.scan(directory.path)
        #expect(catalog.assets.count == 1, "without the sidecar the asset is read by its name alone")
        #expect(try Self.asset(catalog, "a.jpg").tags == [])
    }

    @Test("exactly 4 KiB is accepted; tag count and length are bounded")
    func limits() throws {
        let directory = ScratchDirectory()
        try Self.picture("a.jpg", in: directory)
        func letters(_ number: Int) -> String {
            var number = number, result = ""
            repeat { result.append(Character(UnicodeScalar(UInt8(97 + number % 26)))); number /= 26 } while number > 0
            return result
        }
        var text = String(repeating: "z", count: 100) + " " + (0..<600).map { "tag" + letters($0) }.joined(separator: " ")
        text = String(text.prefix(AssetTagsSidecar.maxBytes))
        text += String(repeating: " ", count: AssetTagsSidecar.maxBytes - text.utf8.count)
        #expect(text.utf8.count == 4096)
        try Self.write(text, to: directory.file("a.tags"))
        let tags = try Self.asset(try AssetCatalog.scan(directory.path), "a.jpg").tags
        #expect(tags.count <= AssetTagsSidecar.maxTags)
        #expect(tags.allSatisfy { $0.count <= AssetTagsSidecar.maxTagLength })
    }

    static let catalog = AssetCatalog(assets: [
        VisualAsset(path: "/a/coast-1.jpg", kind: .image, tags: ["coast", "cliffs", "waves"], duration: nil),
        VisualAsset(path: "/a/coast-2.jpg", kind: .image, tags: ["coast", "lighthouse", "night"], duration: nil),
        VisualAsset(path: "/a/market.jpg", kind: .image, tags: ["market", "stalls"], duration: nil),
    ])

    @Test("the visual description's words break ties between keyword matches")
    func descriptionBreaksTies() {
        #expect(Self.catalog.match(["coast"], excluding: [])?.path == "/a/coast-1.jpg", "by name without a description")
        let chosen = Self.catalog.match(["coast"], description: "A lighthouse on the coast at night, its beam sweeping", excluding: [])
        #expect(chosen?.path == "/a/coast-2.jpg")
    }

    @Test("the description alone finds an asset no keyword names; keywords weigh more than description words")
    func descriptionWeighs() {
        #expect(Self.catalog.match(["harbour"], excluding: []) == nil)
        #expect(Self.catalog.match(["harbour"], description: "Busy market stalls under awnings", excluding: [])?.path == "/a/market.jpg")
        // One keyword (market, 3) beats two description words (cliffs, waves: 2).
        let chosen = Self.catalog.match(["market"], description: "Cliffs and waves", excluding: [])
        #expect(chosen?.path == "/a/market.jpg")
    }

    @Test("description stop words and short words do not count")
    func stopWords() {
        #expect(AssetCatalog.descriptionWords("The sea and the sky, at night; with a boat.") == ["sea", "sky", "night", "boat"])
        let catalog = AssetCatalog(assets: [VisualAsset(path: "/a/the-and-with.jpg", kind: .image, tags: ["the", "and", "with"], duration: nil)])
        #expect(catalog.match([], description: "the sea and the sky with gulls", excluding: []) == nil)
    }
}
