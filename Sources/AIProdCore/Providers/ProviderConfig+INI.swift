import Foundation

extension ProviderConfig {
    /// Reads `[provider.NAME]`. `costs` gives the price when the section sets none. A key file
    /// must be a regular file of mode 0600 (or stricter): a key readable by others is refused,
    /// not used.
    public init(name: String, ini: INIFile, costs: CostsConfig) throws(ConfigError) {
        let section = Self.sectionPrefix + name
        guard Self.isValidName(name) else {
            throw ConfigError(section: section, key: "",
                              message: "a provider's name is 1…32 of a-z, 0-9, - and _, starting with a letter or digit, and not \"offline\"")
        }
        guard let kind = try ini.choice(section, "kind", as: ProviderKind.self) else {
            throw ConfigError(section: section, key: "kind",
                              message: "is required: one of \(ProviderKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let url = ini.string(section, "url") ?? kind.defaultURL else {
            throw ConfigError(section: section, key: "url", message: "is required for kind \(kind.rawValue)")
        }
        try Self.checkURL(url, section: section)
        guard let model = ini.string(section, "model") ?? kind.defaultModel else {
            throw ConfigError(section: section, key: "model", message: "is required for kind \(kind.rawValue)")
        }
        let fallbackPrice = kind.defaultUsdPer1kUnits(costs)
        self.init(name: name, kind: kind, url: url, model: model, usdPer1kUnits: fallbackPrice)
        key = try Self.readKey(ini, section: section)
        keyFile = ini.string(section, "key_file")
        if let value = try ini.number(section, "timeout_seconds", in: 1...600) { timeoutSeconds = value }
        if let value = try ini.integer(section, "retries", in: 0...10) { retries = value }
        if let value = try ini.integer(section, "concurrency", in: 1...64) { concurrency = value }
        if let value = try ini.byteCount(section, "max_response_bytes", in: 1_024...(1 << 30)) { maxResponseBytes = value }
        if let value = try ini.integer(section, "breaker_failures", in: 1...1_000) { breakerFailures = value }
        if let value = try ini.number(section, "breaker_seconds", in: 1...86_400) { breakerSeconds = value }
        if let value = try ini.number(section, "usd_per_1k_units", in: 0...1_000_000) { usdPer1kUnits = value }
        if let value = ini.string(section, "voice_en") { voices[.english] = value }
        if let value = ini.string(section, "voice_fr") { voices[.french] = value }
        if let value = try ini.choice(section, "structured_output", as: StructuredOutput.self) { structuredOutput = value }
        if let value = try ini.integer(section, "max_tokens", in: 16...1_000_000) { maxTokens = value }
        workflow = ini.string(section, "workflow")
        if let text = ini.string(section, "licenses") { licenses = try Self.parseLicenses(text, section: section) }
        if let value = try ini.number(section, "poll_seconds", in: 0.05...60) { pollSeconds = value }
        if let value = try ini.number(section, "max_wait_seconds", in: 1...7_200) { maxWaitSeconds = value }
        if let value = try ini.integer(section, "steps", in: 1...150) { steps = value }
        if kind == .comfyUI, workflow == nil {
            throw ConfigError(section: section, key: "workflow", message: "a comfyui provider needs its workflow template file (API format JSON)")
        }
        if kind.role == .voice, voices.isEmpty {
            throw ConfigError(section: section, key: "voice_en", message: "a voice provider needs voice_en, voice_fr or both")
        }
    }

    /// `cc0, cc-by`: at least one licence, each known once. `studio` and `generated` are not
    /// licences an outside library offers.
    static func parseLicenses(_ text: String, section: String) throws(ConfigError) -> [MediaLicense] {
        let offered: [MediaLicense] = [.cc0, .ccBy, .ccByNC]
        var licenses: [MediaLicense] = []
        for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let license = MediaLicense(rawValue: name), offered.contains(license) else {
                throw ConfigError(section: section, key: "licenses",
                                  message: "unknown licence \"\(name.prefix(40))\": one of \(offered.map(\.rawValue).joined(separator: ", "))")
            }
            if !licenses.contains(license) { licenses.append(license) }
        }
        guard !licenses.isEmpty else { throw ConfigError(section: section, key: "licenses", message: "names no licence") }
        return licenses
    }

    /// An absolute `http`/`https` URL with a host, no user name or password in it (a key goes in
    /// `key`), no query and no fragment.
    static func checkURL(_ text: String, section: String) throws(ConfigError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw ConfigError(section: section, key: "url", message: "must be an absolute http or https URL, got \"\(text)\"")
        }
        guard components.user == nil, components.password == nil else {
            throw ConfigError(section: section, key: "url", message: "must not carry a user name or password: put the key in key or key_file")
        }
        guard components.query == nil, components.fragment == nil else {
            throw ConfigError(section: section, key: "url", message: "must not have a query or a fragment, got \"\(text)\"")
        }
    }

    /// `key`, or the first line of `key_file`; both set is an error, so it is clear which one is used.
    static func readKey(_ ini: INIFile, section: String) throws(ConfigError) -> ProviderKey? {
        let inline = ini.string(section, "key"), file = ini.string(section, "key_file")
        if inline != nil, file != nil {
            throw ConfigError(section: section, key: "key_file", message: "set key or key_file, not both")
        }
        if let inline { return ProviderKey(inline) }
        guard let file else { return nil }
        var status = stat()
        guard lstat(file, &status) == 0 else {
            throw ConfigError(section: section, key: "key_file", message: "\(file) cannot be read (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ConfigError(section: section, key: "key_file", message: "\(file) is not a regular file")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw ConfigError(section: section, key: "key_file",
                              message: "\(file) has mode \(String(status.st_mode & 0o777, radix: 8)); a key file must be 0600 (chmod 600 \(file))")
        }
        guard status.st_size <= 16_384, let data = FileManager.default.contents(atPath: file),
              let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(section: section, key: "key_file", message: "\(file) is not a UTF-8 key of at most 16 KiB")
        }
        let key = text.split(whereSeparator: \.isNewline).first.map { String($0).trimmingWhitespace() } ?? ""
        guard !key.isEmpty else { throw ConfigError(section: section, key: "key_file", message: "\(file) is empty") }
        return ProviderKey(key)
    }

    /// The section's effective keys; `key` is printed redacted, `key_file` as its path.
    public var entries: [ConfigEntry] {
        [
            ConfigEntry("kind", .string(kind.rawValue)),
            ConfigEntry("url", .string(url)),
            ConfigEntry("model", .string(model)),
            ConfigEntry("key", keyFile == nil ? ConfigValue(key?.value) : .unset, secret: true),
            ConfigEntry("key_file", ConfigValue(keyFile)),
            ConfigEntry("voice_en", ConfigValue(voices[.english])),
            ConfigEntry("voice_fr", ConfigValue(voices[.french])),
            ConfigEntry("timeout_seconds", .number(timeoutSeconds)),
            ConfigEntry("retries", .integer(retries)),
            ConfigEntry("concurrency", .integer(concurrency)),
            ConfigEntry("max_response_bytes", .integer(maxResponseBytes)),
            ConfigEntry("breaker_failures", .integer(breakerFailures)),
            ConfigEntry("breaker_seconds", .number(breakerSeconds)),
            ConfigEntry("usd_per_1k_units", .number(usdPer1kUnits)),
            ConfigEntry("structured_output", .string(structuredOutput.rawValue)),
            ConfigEntry("max_tokens", .integer(maxTokens)),
            ConfigEntry("workflow", ConfigValue(workflow)),
            ConfigEntry("licenses", .string(licenses.map(\.rawValue).joined(separator: ", "))),
            ConfigEntry("poll_seconds", .number(pollSeconds)),
            ConfigEntry("max_wait_seconds", .number(maxWaitSeconds)),
            ConfigEntry("steps", .integer(steps)),
        ]
    }
}
