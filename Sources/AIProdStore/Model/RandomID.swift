/// Random identifiers and secrets from the system's CSPRNG (`SystemRandomNumberGenerator`).
enum RandomID {
    /// RFC 4648 base32, lowercase: no characters that need escaping in a URL or a file name.
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    static func base32(count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count {
            bytes.append(alphabet[Int(generator.next(upperBound: UInt8(32)))])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isBase32(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "2") && byte <= UInt8(ascii: "7"))
    }

    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in generator.next() }
    }
}
