import CFreeType

/// One font file opened with FreeType, to measure text exactly as drawtext will draw it: the
/// same library, `FT_Set_Pixel_Sizes(0, size)`, `FT_Load_Char` with default flags, the hinted
/// advance truncated to pixels, and kerning only as drawtext 5.1 applies it. A character the
/// font lacks loads glyph 0, the `.notdef` box, with its own advance — which is also what
/// drawtext draws for it (DejaVu has no CJK and few emoji), so the layout never guesses. Not
/// thread-safe: one per measurement.
final class FontFace: TextMeasuring {
    private struct Glyph {
        var advance: Int, left: Int, right: Int, top: Int, bottom: Int
    }

    private let library: FT_Library
    private let face: FT_Face
    let path: String
    private var currentSize = 0
    private var glyphs: [Int: [UInt32: Glyph]] = [:]

    init(path: String) throws(MediaError) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else {
            throw MediaError(.fontNotFound, file: path, "FreeType could not start")
        }
        var face: FT_Face?
        guard FT_New_Face(library, path, 0, &face) == 0, let face else {
            FT_Done_FreeType(library)
            throw MediaError(.fontNotFound, file: path, "not a font FreeType can read")
        }
        guard face.pointee.face_flags & FT_Long(FT_FACE_FLAG_SCALABLE) != 0 else {
            FT_Done_Face(face)
            FT_Done_FreeType(library)
            throw MediaError(.fontNotFound, file: path, "not a scalable font")
        }
        self.library = library
        self.face = face
        self.path = path
    }

    deinit {
        FT_Done_Face(face)
        FT_Done_FreeType(library)
    }

    func extent(of line: String, size: Int) -> LineExtent {
        guard select(size) else { return .empty }
        var pen = 0
        var extent = LineExtent(left: 0, right: 0, ascent: Int.min, descent: Int.min)
        var previous: UInt32?
        for scalar in line.unicodeScalars {
            let glyph = self.glyph(scalar.value, size: size)
            if hasKerning, let previous {
                pen += kerning(previous, scalar.value)
            }
            previous = scalar.value
            extent.left = min(extent.left, pen + glyph.left)
            extent.right = max(extent.right, pen + glyph.right)
            extent.ascent = max(extent.ascent, glyph.top)
            extent.descent = max(extent.descent, -glyph.bottom)
            pen += glyph.advance
        }
        extent.right = max(extent.right, pen)
        if extent.ascent == Int.min { extent.ascent = 0 }
        if extent.descent == Int.min { extent.descent = 0 }
        return extent
    }

    func lineBox(size: Int) -> (ascent: Int, descent: Int) {
        guard select(size), let sizeRecord = face.pointee.size else { return (size, 0) }
        let metrics = sizeRecord.pointee.metrics
        return (Self.ceil(metrics.ascender), max(0, -Self.floor(metrics.descender)))
    }

    /// Em size over ASS font size in libass: it requests the size so that the font's Windows
    /// ascent plus descent (OS/2 table; hhea without one) span it, as VSFilter did. DejaVu Sans:
    /// 2048 / (1901 + 483) = 0.86, so an ASS size of 64 draws a 55 px em.
    var libassEmScale: Double {
        let unitsPerEM = Double(face.pointee.units_per_EM)
        if let table = FT_Get_Sfnt_Table(face, FT_SFNT_OS2) {
            let os2 = table.assumingMemoryBound(to: TT_OS2.self).pointee
            let height = Double(os2.usWinAscent) + Double(os2.usWinDescent)
            if height > 0, unitsPerEM > 0 { return min(max(unitsPerEM / height, 0.25), 4) }
        }
        let height = Double(face.pointee.ascender) - Double(face.pointee.descender)
        return height > 0 && unitsPerEM > 0 ? min(max(unitsPerEM / height, 0.25), 4) : 1
    }

    /// Whether drawtext applies kerning: it does for fonts with a `kern` table.
    var hasKerning: Bool { face.pointee.face_flags & FT_Long(FT_FACE_FLAG_KERNING) != 0 }

    /// drawtext 5.1's kerning between two characters, mirrored exactly: it passes the character
    /// codes where FreeType expects glyph indices, so this does too.
    private func kerning(_ left: UInt32, _ right: UInt32) -> Int {
        var delta = FT_Vector()
        guard FT_Get_Kerning(face, FT_UInt(left), FT_UInt(right), FT_UInt(FT_KERNING_DEFAULT.rawValue), &delta) == 0 else { return 0 }
        return Int(delta.x >> 6)
    }

    /// Whether the font has its own glyph for `scalar` (else drawtext draws `.notdef`).
    func hasGlyph(_ scalar: Unicode.Scalar) -> Bool {
        FT_Get_Char_Index(face, FT_ULong(scalar.value)) != 0
    }

    /// Sets the pixel size FreeType renders at; false for a size it refuses.
    private func select(_ size: Int) -> Bool {
        guard size >= 1, size <= 4096 else { return false }
        if size == currentSize { return true }
        guard FT_Set_Pixel_Sizes(face, 0, FT_UInt(size)) == 0 else { return false }
        currentSize = size
        return true
    }

    private func glyph(_ code: UInt32, size: Int) -> Glyph {
        if let cached = glyphs[size]?[code] { return cached }
        var glyph = Glyph(advance: 0, left: 0, right: 0, top: 0, bottom: 0)
        if FT_Load_Char(face, FT_ULong(code), FT_Int32(FT_LOAD_DEFAULT)) == 0, let slot = face.pointee.glyph {
            let metrics = slot.pointee.metrics
            glyph.advance = Int(slot.pointee.advance.x >> 6)
            if metrics.width > 0, metrics.height > 0 {
                glyph.left = Self.floor(metrics.horiBearingX)
                glyph.right = Self.ceil(metrics.horiBearingX + metrics.width)
                glyph.top = Self.ceil(metrics.horiBearingY)
                glyph.bottom = Self.floor(metrics.horiBearingY - metrics.height)
            }
        }
        glyphs[size, default: [:]][code] = glyph
        return glyph
    }

    /// 26.6 fixed point to whole pixels, rounding outwards.
    private static func floor(_ value: FT_Pos) -> Int { Int(value >> 6) }
    private static func ceil(_ value: FT_Pos) -> Int { Int((value + 63) >> 6) }
}
