@testable import AIProdMedia
import AIProdTestSupport
import Foundation
import Testing

/// Measuring with the real font, the way drawtext draws.
@Suite("FontFace: text measured with FreeType")
struct FontFaceTests {
    static func dejaVu(_ name: String = "DejaVu Sans") throws -> FontFace {
        try FontFace(path: FontResolver.shared.resolve(name))
    }

    @Test("widths follow the glyphs and grow with the size")
    func widths() throws {
        let face = try Self.dejaVu()
        #expect(face.extent(of: "WWWW", size: 40).width > face.extent(of: "iiii", size: 40).width * 2)
        #expect(face.extent(of: "Harbour", size: 80).width > face.extent(of: "Harbour", size: 40).width * 19 / 10)
        let line = face.extent(of: "Hg", size: 50)
        #expect(line.ascent > 30 && line.descent > 5, "H reaches up, g down: \(line)")
        let box = face.lineBox(size: 50)
        #expect(box.ascent + box.descent >= 55 && box.ascent + box.descent <= 62, "DejaVu's line box is 1.16 em: \(box)")
        #expect(face.extent(of: "", size: 50) == .empty)
    }

    @Test("characters DejaVu lacks (CJK, emoji) measure as its .notdef box, never as nothing")
    func missingGlyphs() throws {
        let face = try Self.dejaVu("DejaVu Sans Bold")
        let notdef = face.extent(of: "\u{E000}", size: 40).width
        #expect(notdef > 10, "a private-use character draws the .notdef box")
        #expect(face.extent(of: "港", size: 40).width == notdef)
        #expect(!face.hasGlyph("🚢") && !face.hasGlyph("港") && face.hasGlyph("a"))
        #expect(face.extent(of: "🚢", size: 40).width == notdef)
        #expect(face.extent(of: "😀", size: 40).width > 0, "DejaVu has a few emoji of its own (U+1F600)")
        #expect(face.extent(of: "港町の朝", size: 40).width == 4 * notdef)
    }

    @Test("a file that is not a font is a typed error naming it")
    func notAFont() throws {
        let directory = ScratchDirectory()
        let path = directory.file("fake.ttf")
        try Data("not a font".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: MediaError.self) { try FontFace(path: path) }
        do {
            _ = try FontFace(path: path)
        } catch {
            #expect(error.code == .fontNotFound && error.file == path)
        }
    }
}
