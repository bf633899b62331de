extension INIFile {
    /// A comma-separated list of address ranges (`10.0.0.0/8, ::1, 192.168.1.7`), or nil when
    /// the key is absent; empty items are skipped, and one that is not a range is an error naming
    /// it.
    public func cidrBlocks(_ section: String, _ key: String) throws(ConfigError) -> [CIDRBlock]? {
        guard let text = value(section, key) else { return nil }
        var blocks: [CIDRBlock] = []
        for item in text.split(separator: ",") {
            let trimmed = item.trimmingWhitespace()
            guard !trimmed.isEmpty else { continue }
            guard let block = CIDRBlock(trimmed) else {
                throw ConfigError(section: section, key: key,
                                  message: "must be a comma-separated list of addresses or ranges like 10.0.0.0/8 or ::1/128, got \"\(trimmed)\"")
            }
            blocks.append(block)
        }
        return blocks
    }
}
