@testable import AIProdServer
import Testing

@Suite("Server: the streaming multipart reader")
struct MultipartReaderTests {
    static let body = Array("preamble\r\n--b0\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\ntone\r\n--b0\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"\r\n\r\n\r\n--b\r\n-data\u{00e9}\r\n--b0--\r\nepilogue".utf8)

    @Test("The same parts whatever the chunking, one byte at a time included")
    func chunking() throws {
        for size in [1, 2, 3, 7, 64, Self.body.count] {
            var reader = MultipartReader(boundary: "b0")
            var events: [MultipartReader.Event] = []
            var index = 0
            while index < Self.body.count {
                events += try reader.feed(Self.body[index..<min(index + size, Self.body.count)])
                index += size
            }
            try reader.finish()
            var parts: [(String, [UInt8])] = []
            for event in events {
                switch event {
                case .headers(let headers): parts.append((headers["content-disposition"] ?? "", []))
                case .body(let bytes): parts[parts.count - 1].1 += bytes
                case .partEnd: break
                }
            }
            #expect(parts.map(\.0) == ["form-data; name=\"name\"", "form-data; name=\"file\"; filename=\"x\""], "chunk \(size)")
            #expect(parts.map { String(decoding: $0.1, as: UTF8.self) } == ["tone", "\r\n--b\r\n-data\u{00e9}"], "chunk \(size)")
        }
    }

    @Test("Bytes above 0x7F in a header name, a missing close, oversized headers: errors, not traps")
    func hostile() {
        var reader = MultipartReader(boundary: "b")
        #expect(throws: MultipartReader.Failure.self) { try reader.feed(Array("--b\r\n\u{00c2}\u{009e}: x\r\n\r\n".utf8)) }
        var unclosed = MultipartReader(boundary: "b")
        #expect(throws: Never.self) { try unclosed.feed(Array("--b\r\nA: b\r\n\r\nbody".utf8)) }
        #expect(throws: MultipartReader.Failure.self) { try unclosed.finish() }
        var huge = MultipartReader(boundary: "b")
        #expect(throws: MultipartReader.Failure.self) { try huge.feed(Array("--b\r\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 10_000)) }
    }
}
