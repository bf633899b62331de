/// An address range from the INI (`192.168.0.0/16`, `10.1.2.3`, `::1/128`, `fd00::/8`): used for
/// the rate limiter's exempt clients and the status page's allowlist. A bare address is a range
/// of one. IPv4 blocks also match IPv4-mapped IPv6 peers.
public struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    public let network: IPAddressBytes
    /// Prefix length over the 128-bit form (an IPv4 `/24` is stored as `/120`).
    public let prefixLength: Int
    public let description: String

    /// Nil for anything that is not an address with an optional `/prefix` in range for its family.
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddressBytes(parts[0]) else { return nil }
        let isV4 = address.isIPv4Mapped && !parts[0].contains(":")
        let familyBits = isV4 ? 32 : 128
        var length = familyBits
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].count <= 3, parts[1].allSatisfy(\.isWholeNumber) && parts[1].allSatisfy(\.isASCII), let value = Int(parts[1]), (0...familyBits).contains(value) else { return nil }
            length = value
        }
        prefixLength = length + (128 - familyBits)
        network = address
        description = trimmed
    }

    /// True when `address` (a peer as the server reports it) falls in the block.
    public func contains(_ address: IPAddressBytes) -> Bool {
        var remaining = prefixLength
        for index in 0..<16 where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xff << (8 - bits))
            if network.bytes[index] & mask != address.bytes[index] & mask { return false }
            remaining -= bits
        }
        return true
    }

    /// ``contains(_:)`` for an address in text; false for text that is no address ("unknown").
    public func contains(ip text: some StringProtocol) -> Bool {
        IPAddressBytes(text).map(contains) ?? false
    }
}

extension Sequence<CIDRBlock> {
    /// True when any block holds the address.
    public func contains(ip text: some StringProtocol) -> Bool {
        guard let address = IPAddressBytes(text) else { return false }
        return contains { $0.contains(address) }
    }
}
