import CFFmpeg

/// Process-wide libav set-up and the translation of its negative return codes.
enum LibAV {
    /// Silences libav's own logging once: errors reach us as return codes and are reported
    /// with our context instead of as stray stderr lines.
    static let configured: Void = {
        aiprod_set_log_level(AV_LOG_QUIET)
    }()

    static let eagain = aiprod_averror_eagain()
    static let eof = aiprod_averror_eof()
    static let noPTS = aiprod_nopts_value()

    /// libav's message for an error code.
    static func message(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        av_strerror(code, &buffer, buffer.count)
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Throws `MediaError(code)` when `result` is negative, with "what: libav's message".
    @discardableResult
    static func check(_ result: Int32, _ code: MediaError.Code, file: String? = nil, _ what: @autoclosure () -> String) throws(MediaError) -> Int32 {
        if result < 0 { throw MediaError(code, file: file, "\(what()): \(message(result))") }
        return result
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
