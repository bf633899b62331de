/// A token's name: it appears in the audit log and in filters, so it is a plain label.
enum TokenName {
    static let pattern = "^[A-Za-z0-9._@-]{1,64}$"

    static func isValid(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "-")
            }
    }
}
