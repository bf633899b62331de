import Crypto
import Foundation

/// A bearer token's secret: `aip_` + an 8-character prefix + `_` + 43 base64url characters (32
/// random bytes). The prefix finds the row by index; the whole secret's SHA-256 is what is
/// stored and compared, so a copy of the database does not give anyone a working token.
struct TokenSecret: Sendable {
    static let prefixLength = 8
    static let randomLength = 43
    static let totalLength = 4 + prefixLength + 1 + randomLength

    let text: String
    let prefix: String

    /// A new random secret.
    init() {
        prefix = RandomID.base32(count: Self.prefixLength)
        text = "aip_" + prefix + "_" + Self.base64URL(RandomID.bytes(32))
    }

    /// nil unless `text` has the exact shape (so nothing else is hashed or looked up).
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == Self.totalLength, text.hasPrefix("aip_"), bytes[4 + Self.prefixLength] == UInt8(ascii: "_") else { return nil }
        let prefixBytes = bytes[4..<(4 + Self.prefixLength)]
        guard prefixBytes.allSatisfy(RandomID.isBase32) else { return nil }
        guard bytes[(5 + Self.prefixLength)...].allSatisfy(Self.isBase64URL) else { return nil }
        self.text = text
        self.prefix = String(decoding: prefixBytes, as: UTF8.self)
    }

    var hash: [UInt8] { Array(SHA256.hash(data: Array(text.utf8))) }

    /// Equal in time that depends only on the lengths, not on where the first difference is.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices {
            difference |= a[index] ^ b[index]
        }
        return difference == 0
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
