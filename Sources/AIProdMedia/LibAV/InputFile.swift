import AIProdCore
import CFFmpeg
import Foundation

/// Owns an opened input `AVFormatContext`. Opening checks the file first so the error says
/// "not found" or "not readable" rather than libav's generic message.
///
/// Opening is safe for files from outside: only the `file` protocol, only the demuxers of
/// ``DemuxerAllowlist`` (no playlist, list or pattern that names other files), and the
/// ``MediaLimits`` checked from the headers before any decoder is opened. The context is closed
/// exactly once, by `deinit`: a Swift initialiser that throws after every stored property is
/// set still runs `deinit`, so the failure paths below only throw.
final class InputFile {
    let context: UnsafeMutablePointer<AVFormatContext>
    let path: String
    let limits: MediaLimits
    /// Whether the demuxer is one of single pictures (image limits apply to its stream).
    let isImage: Bool

    init(path: String, limits: MediaLimits, demuxers: DemuxerAllowlist = .media) throws(MediaError) {
        _ = LibAV.configured
        self.path = path
        self.limits = limits
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MediaError(.fileNotFound, file: path, "file not found")
        }
        guard !isDirectory.boolValue else { throw MediaError(.fileUnreadable, file: path, "is a directory, not a media file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw MediaError(.fileUnreadable, file: path, "file is not readable (permissions)")
        }
        // A named pipe or a device would block the read or never end.
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw MediaError(.fileUnreadable, file: path, "is not a regular file (a pipe, socket or device)")
        }
        var context: UnsafeMutablePointer<AVFormatContext>?
        let options = OptionDictionary([("protocol_whitelist", "file"), ("format_whitelist", demuxers.formatWhitelist),
                                        ("pattern_type", "none")])
        // A relative path spelt like a URL (`concat:a|b`, `data:…`) must still be a file name.
        let url = path.hasPrefix("/") ? path : "./" + path
        let opened = avformat_open_input(&context, url, nil, &options.pointer)
        // On failure libav has freed the context and set it to NULL: nothing to close.
        guard opened >= 0, let context else {
            let reason = opened == aiprod_averror(EINVAL)
                ? "not a media file aiprod reads (audio, video or a single picture; playlists, lists and image sequences are refused)"
                : "not a media file libav can read: \(LibAV.message(opened))"
            throw MediaError(.notMedia, file: path, reason)
        }
        self.context = context
        let demuxer = LibAV.string(context.pointee.iformat.pointee.name) ?? "?"
        isImage = DemuxerAllowlist.isImage(demuxer)
        // `pattern_type` is image2's own option: other demuxers leave it unused.
        let unused = options.unused.filter { $0 != "pattern_type" || demuxer == "image2" }
        guard unused.isEmpty else {
            throw MediaError(.notMedia, file: path, "libav ignored the safety options \(unused.joined(separator: ", "))")
        }
        guard demuxers.allows(demuxer) else {
            throw MediaError(.notMedia, file: path, "is read by libav's \(demuxer) demuxer, which aiprod does not allow")
        }
        try limits.checkStreamCount(Int(context.pointee.nb_streams), file: path)
        // Reading stream information may decode a frame: the decoders get the pictures' bounds.
        let streamOptions = (0..<Int(context.pointee.nb_streams)).map { index in
            OptionDictionary([("max_pixels", "\(limits.maxPixels(image: isImage || Self.isAttachedPicture(context.pointee.streams[index])))")])
        }
        var pointers = streamOptions.map(\.pointer)
        let found = pointers.withUnsafeMutableBufferPointer { avformat_find_stream_info(context, $0.baseAddress) }
        for (dictionary, pointer) in zip(streamOptions, pointers) { dictionary.pointer = pointer }
        if found < 0 {
            throw MediaError(.notMedia, file: path, "could not read stream information: \(LibAV.message(found))")
        }
        if context.pointee.nb_streams == 0 {
            throw MediaError(.notMedia, file: path, "no audio or video streams")
        }
        try limits.check(context, file: path)
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&owned)
    }

    private static func isAttachedPicture(_ stream: UnsafeMutablePointer<AVStream>?) -> Bool {
        guard let stream else { return false }
        return stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0
    }

    /// The decoder's `max_pixels` for a stream of this file.
    func maxPixels(stream index: Int) -> Int64 {
        limits.maxPixels(image: isImage || Self.isAttachedPicture(stream(index)))
    }

    var streamCount: Int { Int(context.pointee.nb_streams) }

    func stream(_ index: Int) -> UnsafeMutablePointer<AVStream> {
        context.pointee.streams[index]!
    }

    /// The best stream of a kind (`AVMEDIA_TYPE_VIDEO`, `AVMEDIA_TYPE_AUDIO`), if any.
    func bestStream(_ type: AVMediaType) -> Int? {
        let index = av_find_best_stream(context, type, -1, -1, nil, 0)
        guard index >= 0 else { return nil }
        // A cover picture inside an audio file is not a video.
        if type == AVMEDIA_TYPE_VIDEO, stream(Int(index)).pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0,
           context.pointee.iformat.pointee.flags & AVFMT_NOTIMESTAMPS == 0, streamCount > 1 {
            return nil
        }
        return Int(index)
    }

    /// Duration of the container in seconds, if known.
    var duration: Double? {
        let value = context.pointee.duration
        guard value != LibAV.noPTS, value > 0 else { return nil }
        return Double(value) / Double(AV_TIME_BASE)
    }

    /// Reads the next packet; false at the end of the file. A read error other than the end is
    /// thrown (a truncated or corrupt file).
    func read(into packet: Packet) throws(MediaError) -> Bool {
        let result = av_read_frame(context, packet.pointer)
        if result == LibAV.eof { return false }
        try LibAV.check(result, .decodeFailed, file: path, "read error")
        return true
    }

    /// Seeks so that the next packets of `streamIndex` start at or before `seconds`.
    func seek(streamIndex: Int, toSeconds seconds: Double) throws(MediaError) {
        let timeBase = stream(streamIndex).pointee.time_base
        // The time base comes from the file: a target that does not fit is an error, not a trap.
        let exact = (seconds * Double(timeBase.den) / Double(timeBase.num)).rounded(.down)
        guard timeBase.num > 0, timeBase.den > 0, exact.isFinite, exact >= -9.0e18, exact <= 9.0e18 else {
            throw MediaError(.decodeFailed, file: path, "cannot seek to \(seconds) s: the stream's time base \(timeBase.num)/\(timeBase.den) is unusable")
        }
        let target = Int64(exact)
        let result = avformat_seek_file(context, Int32(streamIndex), Int64.min, target, target, 0)
        try LibAV.check(result, .decodeFailed, file: path, "cannot seek to \(seconds) s")
    }
}
