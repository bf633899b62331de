import CFFmpeg
import Foundation

/// Owns an opened input `AVFormatContext`. Opening checks the file first so the error says
/// "not found" or "not readable" rather than libav's generic message.
final class InputFile {
    let context: UnsafeMutablePointer<AVFormatContext>
    let path: String

    init(path: String) throws(MediaError) {
        _ = LibAV.configured
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw MediaError(.fileNotFound, file: path, "file not found")
        }
        guard !isDirectory.boolValue else { throw MediaError(.fileUnreadable, file: path, "is a directory, not a media file") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw MediaError(.fileUnreadable, file: path, "file is not readable (permissions)")
        }
        var context: UnsafeMutablePointer<AVFormatContext>?
        let opened = avformat_open_input(&context, path, nil, nil)
        guard opened >= 0, let context else {
            throw MediaError(.notMedia, file: path, "not a media file libav can read: \(LibAV.message(opened))")
        }
        self.context = context
        let found = avformat_find_stream_info(context, nil)
        if found < 0 {
            var owned: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&owned)
            throw MediaError(.notMedia, file: path, "could not read stream information: \(LibAV.message(found))")
        }
        if context.pointee.nb_streams == 0 {
            var owned: UnsafeMutablePointer<AVFormatContext>? = context
            avformat_close_input(&owned)
            throw MediaError(.notMedia, file: path, "no audio or video streams")
        }
    }

    deinit {
        var owned: UnsafeMutablePointer<AVFormatContext>? = context
        avformat_close_input(&owned)
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
        let target = Int64((seconds * Double(timeBase.den) / Double(timeBase.num)).rounded(.down))
        let result = avformat_seek_file(context, Int32(streamIndex), Int64.min, target, target, 0)
        try LibAV.check(result, .decodeFailed, file: path, "cannot seek to \(seconds) s")
    }
}
