/// An asset's id is the SHA-256 of its bytes in lowercase hex: checking the form first keeps
/// path-like strings (`../x`) away from the asset folder and the database.
enum AssetID {
    static func isValid(_ id: some StringProtocol) -> Bool {
        id.utf8.count == 64 && id.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
