/// A font at pixel sizes, as the text fitter needs it. ``FontFace`` is the real one (FreeType);
/// tests of the wrapping logic use a fixed-width stand-in.
protocol TextMeasuring {
    /// The extent of one line (no newlines) drawn at `size` pixels.
    func extent(of line: String, size: Int) -> LineExtent
    /// The font's ascender and descender at `size` (positive distances): the line box.
    func lineBox(size: Int) -> (ascent: Int, descent: Int)
}
