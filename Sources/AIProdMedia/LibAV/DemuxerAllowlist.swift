/// The demuxers allowed to read a file from outside, by libav name. Anything that names other
/// files or URLs inside itself (HLS and DASH playlists, `concat` lists, `image2` sequences and
/// patterns, `ffmetadata`, `tee`, …) is absent, so such a file is refused whatever its
/// extension, before it is parsed. Single pictures go through the `*_pipe` image demuxers,
/// which never expand a pattern, or `image2` (chosen by the extension when the start of the
/// file is not conclusive), which ``InputFile`` opens with `pattern_type=none`: the one file
/// named, never a sequence or a glob.
struct DemuxerAllowlist: Sendable, Hashable {
    let names: Set<String>

    init(_ names: Set<String>) {
        self.names = names
    }

    /// What aiprod reads: its own outputs, uploads, generated sound and pictures.
    static let media = DemuxerAllowlist([
        "mov", "mp4", "m4a", "matroska", "webm", "avi", "mpegts", "mp3", "wav", "ogg", "flac", "aac",
        "image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe", "gif",
    ])

    /// Demuxers of single pictures: their streams are held to the image limits.
    static let images: Set<String> = ["image2", "png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe", "gif"]

    /// The `format_whitelist` option of `avformat_open_input`.
    var formatWhitelist: String { names.sorted().joined(separator: ",") }

    /// Whether a demuxer, by its libav name (a comma list such as `mov,mp4,m4a,3gp,3g2,mj2`),
    /// is allowed: any of its names is enough, as for libav's own check.
    func allows(_ demuxer: String) -> Bool {
        demuxer.split(separator: ",").contains { names.contains(String($0)) }
    }

    static func isImage(_ demuxer: String) -> Bool {
        demuxer.split(separator: ",").contains { images.contains(String($0)) }
    }
}
