import Crypto
import Foundation

/// `X-AIProd-Signature: sha256=<hex>`: HMAC-SHA256 of the exact body bytes under
/// `[webhooks] secret`. A receiver recomputes it over the raw body it read and compares in
/// constant time; a match proves the daemon sent this body.
public enum WebhookSignature {
    public static let header = "X-AIProd-Signature"

    /// `sha256=` + 64 lower-case hex digits.
    public static func sign(_ body: Data, secret: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + code.map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `signature` (a header's value) is `body`'s under `secret`, compared in
    /// constant time. For receivers written in Swift, and the tests.
    public static func verify(_ signature: String, body: Data, secret: String) -> Bool {
        guard signature.hasPrefix("sha256="), let code = hexBytes(signature.dropFirst(7)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
    }

    private static func hexBytes(_ hex: Substring) -> Data? {
        guard hex.count == 64 else { return nil }
        var bytes = Data(capacity: 32)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
