extension ConfigEntry {
    /// `section.key` of every entry of `new` whose value differs from the same key's in `old`
    /// (or that `old` lacks), in `new`'s order: what a reload names. Values are compared raw,
    /// secrets included; only the names leave this function.
    public static func changedKeys(in section: String, from old: [ConfigEntry], to new: [ConfigEntry]) -> [String] {
        let before = Dictionary(old.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        return new.filter { before[$0.key] != $0.value }.map { "\(section).\($0.key)" }
    }
}
