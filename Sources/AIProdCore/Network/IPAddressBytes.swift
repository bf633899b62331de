#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as 16 bytes: IPv4 is kept as its IPv4-mapped IPv6 form
/// (`::ffff:a.b.c.d`), so one comparison serves both families and a client that reaches a
/// dual-stack socket over IPv4 (`::ffff:192.168.1.7`) matches a `192.168.1.0/24` rule.
public struct IPAddressBytes: Sendable, Hashable {
    /// Network byte order.
    public let bytes: [UInt8]
    /// True when parsed from dotted IPv4 (or an IPv4-mapped IPv6 address).
    public var isIPv4Mapped: Bool { bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff }

    /// Parses `192.168.1.7`, `::1`, `fe80::1%eth0` (the zone is dropped) or `::ffff:10.0.0.1`;
    /// nil for anything else, with no partial reads (inet_pton checks the whole string).
    public init?(_ text: some StringProtocol) {
        var address = String(text)
        if let percent = address.firstIndex(of: "%") { address = String(address[..<percent]) }
        guard !address.isEmpty, address.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            let value = withUnsafeBytes(of: &v4) { Array($0) }
            bytes = [UInt8](repeating: 0, count: 10) + [0xff, 0xff] + value
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        bytes = withUnsafeBytes(of: &v6) { Array($0) }
    }
}
