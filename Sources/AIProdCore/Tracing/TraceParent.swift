/// A W3C Trace Context `traceparent` header (`00-<32 hex trace id>-<16 hex parent id>-<2 hex
/// flags>`). The daemon keeps the caller's trace id: it goes in the request's log lines, is
/// stored with a job, tagged on the worker's lines for it and sent on to the webhook, so one
/// trace id follows a job from submission to notification.
public struct TraceParent: Sendable, Hashable, CustomStringConvertible {
    /// 32 lowercase hex digits, not all zero.
    public let traceID: String
    /// 16 lowercase hex digits, not all zero.
    public let parentID: String
    /// 2 lowercase hex digits (bit 0: sampled).
    public let flags: String

    /// Nil for anything the spec says to ignore: wrong lengths, uppercase or non-hex digits, an
    /// all-zero id, version `ff`. A future version is read by its first four fields when what
    /// follows them starts with `-`, as the spec asks.
    public init?(header: some StringProtocol) {
        let text = Array(header.utf8)
        guard text.count >= 55, text.count <= 512 else { return nil }
        let version = text[0..<2]
        guard Self.isHex(version), version != Array("ff".utf8)[...] else { return nil }
        if version == Array("00".utf8)[...] {
            guard text.count == 55 else { return nil }
        } else if text.count > 55, text[55] != UInt8(ascii: "-") {
            return nil
        }
        guard text[2] == UInt8(ascii: "-"), text[35] == UInt8(ascii: "-"), text[52] == UInt8(ascii: "-") else { return nil }
        let trace = text[3..<35], parent = text[36..<52], flags = text[53..<55]
        guard Self.isHex(trace), Self.isHex(parent), Self.isHex(flags),
              trace.contains(where: { $0 != UInt8(ascii: "0") }), parent.contains(where: { $0 != UInt8(ascii: "0") })
        else { return nil }
        self.traceID = String(decoding: trace, as: UTF8.self)
        self.parentID = String(decoding: parent, as: UTF8.self)
        self.flags = String(decoding: flags, as: UTF8.self)
    }

    /// A header continuing trace `traceID` (a stored, already valid id) from a new span of ours.
    public init?(traceID: String, parentID: String, flags: String = "01") {
        self.init(header: "00-\(traceID)-\(parentID)-\(flags)")
    }

    /// A fresh random span id (16 hex digits, never all zero).
    public static func newSpanID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = UInt64.random(in: 1...UInt64.max, using: &generator)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `text` is a trace id as stored: 32 lowercase hex digits, not all zero.
    public static func isTraceID(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 32 && isHex(bytes[...]) && bytes.contains { $0 != UInt8(ascii: "0") }
    }

    public var description: String { "00-\(traceID)-\(parentID)-\(flags)" }

    private static func isHex(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }
}
