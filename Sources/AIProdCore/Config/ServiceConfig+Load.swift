import Foundation

extension ServiceConfig {
    /// `AIPROD_…` variables that are not config overrides (the test harness's, the fuzzer's,
    /// and the config file's path itself); any other `AIPROD_` variable must name a key.
    public static let reservedVariables: Set<String> = ["AIPROD_BINARY", "AIPROD_CONFIG", "AIPROD_FUZZ_TARGET"]

    /// The prefix of override variables: `AIPROD_<SECTION>_<KEY>`.
    public static let variablePrefix = "AIPROD_"

    /// A config file is a few kilobytes; anything far larger is not one.
    static let maxFileBytes = 1 << 20

    /// Reads the configuration at `path` (nil: defaults only) and lays the `AIPROD_<SECTION>_<KEY>`
    /// variables of `environment` over it. Strict: a missing or unreadable file, a malformed
    /// line, an unknown section or key, an unknown `AIPROD_` variable and a bad value are each
    /// an error naming the file and line (or the variable) and the key.
    public static func load(path: String?, environment: [String: String]) throws(ConfigError) -> ServiceConfig {
        guard let path else { return try parse("", file: nil, environment: environment) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ConfigError(section: "", key: "", message: "configuration file not found", file: path)
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(section: "", key: "", message: "is a directory, not a configuration file", file: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(section: "", key: "", message: "configuration file cannot be read", file: path)
        }
        guard data.count <= maxFileBytes else {
            throw ConfigError(section: "", key: "", message: "is \(data.count) bytes; a configuration file is at most \(maxFileBytes)", file: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(section: "", key: "", message: "is not UTF-8 text", file: path)
        }
        return try parse(text, file: path, environment: environment)
    }

    /// ``load(path:environment:)`` on text already read; `file` names it in errors.
    public static func parse(_ text: String, file: String?, environment: [String: String]) throws(ConfigError) -> ServiceConfig {
        var ini: INIFile
        do {
            ini = try INIFile(parsing: text)
        } catch {
            throw ConfigError(section: "", key: "", message: error.message, file: file ?? "(configuration)", line: error.line)
        }
        try checkKnownKeys(ini, file: file)
        try applyOverrides(environment, to: &ini)

        func read<Section: ConfigSection>(_ type: Section.Type) throws(ConfigError) -> Section {
            do {
                return try Section(ini: ini)
            } catch {
                throw locate(error, in: ini, file: file)
            }
        }
        var config = ServiceConfig()
        config.server = try read(ServerConfig.self)
        config.storage = try read(StorageConfig.self)
        config.database = try read(DatabaseConfig.self)
        config.workers = try read(WorkersConfig.self)
        config.queue = try read(QueueConfig.self)
        config.render = try read(RenderConfig.self)
        config.studio = try read(StudioConfig.self)
        config.music = try read(MusicConfig.self)
        config.limits = try read(Limits.self)
        config.auth = try read(AuthConfig.self)
        config.costs = try read(CostsConfig.self)
        config.budget = try read(BudgetConfig.self)
        config.webhooks = try read(WebhooksConfig.self)
        config.log = try read(LogConfig.self)
        config.rateLimit = try read(RateLimitConfig.self)
        config.status = try read(StatusConfig.self)
        config.backup = try read(BackupConfig.self)
        config.providers = try readProviders(ini, costs: config.costs, file: file)
        try checkChains(config, ini: ini, file: file)
        if ini.string(DatabaseConfig.sectionName, "path") == nil {
            config.database.path = defaultDatabasePath(in: config.storage.dataDirectory)
        }
        if ini.string(BackupConfig.sectionName, "dir") == nil {
            config.backup.directory = defaultBackupDirectory(in: config.storage.dataDirectory)
        }
        return config
    }

    /// Every `[provider.NAME]` section.
    static func readProviders(_ ini: INIFile, costs: CostsConfig, file: String?) throws(ConfigError) -> [String: ProviderConfig] {
        var providers: [String: ProviderConfig] = [:]
        for section in ini.sections.keys.sorted() where section.hasPrefix(ProviderConfig.sectionPrefix) {
            let name = String(section.dropFirst(ProviderConfig.sectionPrefix.count))
            do {
                providers[name] = try ProviderConfig(name: name, ini: ini, costs: costs)
            } catch {
                var located = locate(error, in: ini, file: file)
                if located.line == nil, located.variable == nil, let line = ini.sectionLines[section] {
                    located.file = file ?? "(configuration)"
                    located.line = line
                }
                throw located
            }
        }
        return providers
    }

    /// Each `[studio]` chain names configured providers of the stage's role.
    static func checkChains(_ config: ServiceConfig, ini: INIFile, file: String?) throws(ConfigError) {
        let studio = config.studio
        let chains: [(String, ProviderChain, [ProviderRole])] = [
            ("planner", studio.planner, [.llm]), ("voice", studio.voice, [.voice]), ("visuals", studio.visuals, [.image, .stock]),
            ("motion", studio.motion, [.motion]), ("effects", studio.effects, [.effects]), ("music", studio.music, [.music]),
        ]
        for (key, chain, roles) in chains {
            let roleNames = roles.map(\.rawValue).joined(separator: " and ")
            for name in chain.providers {
                let problem: String?
                if let provider = config.providers[name] {
                    problem = roles.contains(provider.kind.role) ? nil
                        : "\(name) is a \(provider.kind.rawValue) provider; \(key) takes \(roleNames) providers"
                } else {
                    let known = config.providers.values.filter { roles.contains($0.kind.role) }.map(\.name).sorted()
                    problem = "no [provider.\(name)] section (\(roleNames) providers: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
                }
                if let problem { throw locate(ConfigError(section: "studio", key: key, message: problem), in: ini, file: file) }
            }
        }
    }

    /// `<data_dir>/aiprod.sqlite3`.
    public static func defaultDatabasePath(in dataDirectory: String) -> String {
        dataDirectory.hasSuffix("/") ? dataDirectory + "aiprod.sqlite3" : dataDirectory + "/aiprod.sqlite3"
    }

    /// `<data_dir>/backups`.
    public static func defaultBackupDirectory(in dataDirectory: String) -> String {
        dataDirectory.hasSuffix("/") ? dataDirectory + "backups" : dataDirectory + "/backups"
    }

    /// The first unknown section or key in file order (a key before any header counts as one).
    static func checkKnownKeys(_ ini: INIFile, file: String?) throws(ConfigError) {
        var problems: [(line: Int, error: ConfigError)] = []
        let fileName = file ?? "(configuration)"
        for (section, keys) in ini.origins {
            for (key, origin) in keys {
                guard case .line(let line) = origin else { continue }
                if section.isEmpty {
                    problems.append((line, ConfigError(section: "", key: key, message: "key outside any [section]", file: fileName, line: line)))
                } else if let known = knownKeys(section), !known.contains(key) {
                    problems.append((line, ConfigError(section: section, key: key,
                                                        message: "unknown key (known: \(known.sorted().joined(separator: ", ")))",
                                                        file: fileName, line: line)))
                }
            }
        }
        for (section, line) in ini.sectionLines where !section.isEmpty && knownKeys(section) == nil {
            problems.append((line, ConfigError(section: section, key: "",
                                                message: "unknown section (known: \(schema.keys.sorted().joined(separator: ", ")))",
                                                file: fileName, line: line)))
        }
        if let first = problems.min(by: { $0.line < $1.line }) { throw first.error }
    }

    /// Lays `AIPROD_<SECTION>_<KEY>` variables over the file's values; any other `AIPROD_`
    /// variable (bar ``reservedVariables``) is an error naming it, so a misspelt override
    /// does not pass silently.
    static func applyOverrides(_ environment: [String: String], to ini: inout INIFile) throws(ConfigError) {
        for name in environment.keys.sorted() where name.hasPrefix(variablePrefix) && !reservedVariables.contains(name) {
            let rest = name.dropFirst(variablePrefix.count).lowercased()
            guard let underscore = rest.firstIndex(of: "_") else {
                throw ConfigError(section: "", key: "", message: "an override is named AIPROD_<SECTION>_<KEY>", variable: name)
            }
            let section = String(rest[..<underscore]), key = String(rest[rest.index(after: underscore)...])
            guard let known = schema[section] else {
                throw ConfigError(section: "", key: "",
                                  message: "unknown section \"\(section)\" (known: \(schema.keys.sorted().joined(separator: ", ")))",
                                  variable: name)
            }
            guard known.contains(key) else {
                throw ConfigError(section: section, key: key,
                                  message: "unknown key (known: \(known.sorted().joined(separator: ", ")))", variable: name)
            }
            ini.set(section, key, to: environment[name] ?? "", from: .environment(name))
        }
    }

    /// Adds where the value came from to an error a section raised.
    static func locate(_ error: ConfigError, in ini: INIFile, file: String?) -> ConfigError {
        var error = error
        guard error.file == nil, error.variable == nil else { return error }
        switch ini.origin(error.section, error.key) {
        case .line(let line)?:
            error.file = file ?? "(configuration)"
            error.line = line
        case .environment(let variable)?:
            error.variable = variable
        case nil:
            error.file = file
        }
        return error
    }
}
