import CFFmpeg

/// Owns one `AVDictionary` of options handed to a libav call. libav consumes the entries it
/// knows and leaves the rest in place: ``unused`` lists them, so an option libav did not apply
/// (a misspelt safety option) is an error instead of silently doing nothing.
final class OptionDictionary {
    /// The dictionary; libav may replace it during a call (`&dictionary.pointer`).
    var pointer: OpaquePointer?

    init(_ entries: [(String, String)] = []) {
        for (key, value) in entries { av_dict_set(&pointer, key, value, 0) }
    }

    deinit {
        av_dict_free(&pointer)
    }

    /// The keys libav left unconsumed.
    var unused: [String] {
        var keys: [String] = []
        var entry: UnsafeMutablePointer<AVDictionaryEntry>?
        while let next = av_dict_get(pointer, "", entry, AV_DICT_IGNORE_SUFFIX) {
            keys.append(LibAV.string(next.pointee.key) ?? "?")
            entry = next
        }
        return keys
    }
}
