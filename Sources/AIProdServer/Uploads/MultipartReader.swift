import Foundation

/// A streaming `multipart/form-data` reader (RFC 7578): bytes in, part headers and body chunks
/// out, never a whole part in memory. Written for hostile input: header blocks are capped, any
/// byte may appear anywhere without trapping (MultipartKit 4.7.1's parser indexes a 128-entry
/// table with header bytes and traps on one above 0x7F), and malformed framing is an error.
struct MultipartReader {
    enum Event: Equatable {
        /// A part starts; header names lowercased.
        case headers([String: String])
        case body([UInt8])
        case partEnd
    }

    enum Failure: Error { case malformed, headersTooLarge }

    private enum State { case preamble, afterDelimiter, headers, body, epilogue }

    /// `\r\n--boundary`: what ends a body. The first delimiter may come without the CRLF.
    private let delimiter: [UInt8]
    private var state = State.preamble
    private var pending: [UInt8] = []
    private(set) var finished = false

    static let maxHeaderBytes = 8 * 1024

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    mutating func feed(_ bytes: some Sequence<UInt8>) throws(Failure) -> [Event] {
        pending.append(contentsOf: bytes)
        var events: [Event] = []
        while try step(&events) {}
        return events
    }

    /// After the last byte: the closing delimiter must have been seen.
    func finish() throws(Failure) {
        guard finished else { throw .malformed }
    }

    /// One state transition if the bytes at hand allow it; false when more input is needed.
    private mutating func step(_ events: inout [Event]) throws(Failure) -> Bool {
        switch state {
        case .preamble:
            let opening = Array(delimiter.dropFirst(2))
            guard let range = pending.firstRange(of: opening) else {
                // Keep only what could still be the start of the delimiter.
                if pending.count > opening.count { pending.removeFirst(pending.count - opening.count) }
                return false
            }
            pending.removeSubrange(..<range.upperBound)
            state = .afterDelimiter
            return true
        case .afterDelimiter:
            return try afterDelimiter()
        case .headers:
            guard let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) else {
                if pending.count > Self.maxHeaderBytes { throw .headersTooLarge }
                return false
            }
            guard end.lowerBound <= Self.maxHeaderBytes else { throw .headersTooLarge }
            let block = pending[..<end.lowerBound]
            pending.removeSubrange(..<end.upperBound)
            events.append(.headers(try Self.parseHeaders(block)))
            state = .body
            return true
        case .body:
            if let range = pending.firstRange(of: delimiter) {
                if range.lowerBound > 0 { events.append(.body(Array(pending[..<range.lowerBound]))) }
                events.append(.partEnd)
                pending.removeSubrange(..<range.upperBound)
                state = .afterDelimiter
                return true
            }
            // Everything but a possible partial delimiter at the end is body.
            let safe = pending.count - (delimiter.count - 1)
            if safe > 0 {
                events.append(.body(Array(pending[..<safe])))
                pending.removeSubrange(..<safe)
            }
            return false
        case .epilogue:
            pending.removeAll()
            return false
        }
    }

    /// After `--boundary`: `--` closes the body, CRLF starts a part (transport padding allowed).
    private mutating func afterDelimiter() throws(Failure) -> Bool {
        var index = 0
        while index < pending.count, pending[index] == UInt8(ascii: " ") || pending[index] == UInt8(ascii: "\t") { index += 1 }
        guard pending.count >= index + 2 else {
            if pending.count > 256 { throw .malformed }
            return false
        }
        let next = (pending[index], pending[index + 1])
        if next == (UInt8(ascii: "-"), UInt8(ascii: "-")) {
            state = .epilogue
            finished = true
            pending.removeAll()
            return false
        }
        guard next == (UInt8(ascii: "\r"), UInt8(ascii: "\n")) else { throw .malformed }
        pending.removeSubrange(..<(index + 2))
        state = .headers
        return true
    }

    static func parseHeaders(_ block: ArraySlice<UInt8>) throws(Failure) -> [String: String] {
        var headers: [String: String] = [:]
        for line in block.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let line = line.last == UInt8(ascii: "\r") ? line.dropLast() : line
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .malformed }
            let name = line[..<colon]
            guard !name.isEmpty, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw .malformed }
            let value = String(decoding: line[line.index(after: colon)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            headers[String(decoding: name, as: UTF8.self).lowercased()] = value
        }
        return headers
    }
}
