import Foundation
import AIProdCore
import Testing

@Suite("ServiceConfig: aiprod.ini, strictly")
struct ServiceConfigTests {
    static let repositoryRoot = #filePath.components(separatedBy: "/Tests/")[0]

    func parse(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> ServiceConfig {
        try ServiceConfig.parse(text, file: "test.ini", environment: environment)
    }

    func error(_ text: String, environment: [String: String] = [:]) -> ConfigError? {
        do {
            _ = try parse(text, environment: environment)
            return nil
        } catch {
            return error
        }
    }

    @Test("no file: the documented defaults, the database inside the data folder")
    func defaults() throws {
        let config = try ServiceConfig.load(path: nil, environment: [:])
        #expect(config == ServiceConfig())
        #expect(config.server.listen == "127.0.0.1" && config.server.port == 8080)
        #expect(config.storage.dataDirectory == "/var/lib/aiprod")
        #expect(config.database.path == "/var/lib/aiprod/aiprod.sqlite3")
        #expect(config.queue.maxAttempts == 5)
        #expect(config.budget.isCapped == false)
    }

    @Test("the shipped etc/aiprod.ini documents every section and key and gives the defaults")
    func shipped() throws {
        let path = Self.repositoryRoot + "/etc/aiprod.ini"
        let config = try ServiceConfig.load(path: path, environment: [:])
        #expect(config == ServiceConfig())
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for section in ServiceConfig().sections {
            #expect(text.contains("[\(section.name)]"), "etc/aiprod.ini lacks [\(section.name)]")
            for entry in section.entries {
                // Set or shown commented out, each key appears at the start of a line.
                let documented = text.split(separator: "\n").contains {
                    $0.hasPrefix("\(entry.key) =") || $0.hasPrefix("; \(entry.key) =")
                }
                #expect(documented, "etc/aiprod.ini lacks [\(section.name)] \(entry.key)")
            }
        }
    }

    @Test("every section parses")
    func everySection() throws {
        let config = try parse("""
        [server]
        listen = 0.0.0.0
        port = 9000
        max_body_bytes = 2M
        max_upload_bytes = 3G
        [storage]
        data_dir = /srv/aiprod
        [database]
        synchronous = FULL
        [workers]
        count = 3
        [queue]
        max_attempts = 7
        lease_seconds = 30
        heartbeat_seconds = 2.5
        backoff_base_seconds = 1
        backoff_cap_seconds = 60
        [render]
        default_preset = youtube-1080p
        x264_preset = medium
        crf = 19
        [studio]
        pitch = 40
        voice_fr = fr-be
        [limits]
        max_clips = 12
        [auth]
        allow_open_health = no
        allow_open_metrics = yes
        bootstrap_token_file = /srv/aiprod/admin.token
        [costs]
        compute_usd_per_hour = 0.5
        llm_usd_per_1k_tokens = 0.002
        tts_usd_per_1k_chars = 0.015
        image_usd_each = 0.04
        video_usd_per_second = 0.1
        music_usd_per_track = 0.2
        [budget]
        monthly_usd = 250
        [webhooks]
        secret = hush
        timeout_seconds = 3
        max_attempts = 4
        backoff_base_seconds = 0.5
        backoff_cap_seconds = 8
        max_response_bytes = 4K
        [log]
        level = debug
        format = text
        """)
        #expect(config.server.listen == "0.0.0.0" && config.server.port == 9000)
        #expect(config.server.maxBodyBytes == 2 << 20 && config.server.maxUploadBytes == 3 << 30)
        #expect(config.storage.dataDirectory == "/srv/aiprod")
        #expect(config.database.path == "/srv/aiprod/aiprod.sqlite3" && config.database.synchronous == .full)
        #expect(config.workers.count == 3)
        #expect(config.queue.maxAttempts == 7 && config.queue.leaseSeconds == 30 && config.queue.heartbeatSeconds == 2.5)
        #expect(config.queue.backoffBaseSeconds == 1 && config.queue.backoffCapSeconds == 60)
        #expect(config.render.defaultPreset == "youtube-1080p" && config.render.x264Preset == "medium" && config.render.crf == 19)
        #expect(config.studio.pitch == 40 && config.studio.voices[.french] == "fr-be")
        #expect(config.limits.documents.maxClips == 12)
        #expect(!config.auth.allowOpenHealth && config.auth.allowOpenMetrics && config.auth.bootstrapTokenFile == "/srv/aiprod/admin.token")
        #expect(config.costs.computeUsdPerHour == 0.5 && config.costs.llmUsdPer1kTokens == 0.002 && config.costs.ttsUsdPer1kCharacters == 0.015)
        #expect(config.costs.imageUsdEach == 0.04 && config.costs.videoUsdPerSecond == 0.1 && config.costs.musicUsdPerTrack == 0.2)
        #expect(config.budget.monthlyUsd == 250 && config.budget.isCapped)
        #expect(config.webhooks.secret == "hush" && config.webhooks.timeoutSeconds == 3 && config.webhooks.maxAttempts == 4)
        #expect(config.webhooks.backoffBaseSeconds == 0.5 && config.webhooks.backoffCapSeconds == 8 && config.webhooks.maxResponseBytes == 4096)
        #expect(config.log.level == .debug && config.log.format == .text)
    }

    @Test("an explicit database path wins over the data folder's")
    func databasePath() throws {
        let config = try parse("[storage]\ndata_dir = ./run/\n[database]\n")
        #expect(config.database.path == "./run/aiprod.sqlite3")
        #expect(try parse("[storage]\ndata_dir = /a\n[database]\npath = /b/x.db\n").database.path == "/b/x.db")
    }

    @Test("an unknown section or key is an error with its file, line and key")
    func unknownNames() throws {
        let section = try #require(error("[server]\nport = 1\n\n[sever]\nport = 2\n"))
        #expect(section.file == "test.ini" && section.line == 4 && section.section == "sever")
        #expect(section.description.hasPrefix("test.ini:4: [sever]: unknown section"))

        let key = try #require(error("[server]\nport = 1\nprot = 2\n[queue]\nmax_atempts = 3\n"))
        #expect(key.line == 3 && key.section == "server" && key.key == "prot")
        #expect(key.description.hasPrefix("test.ini:3: [server] prot: unknown key"))
        #expect(key.category == .caller && key.errorCode == "invalid_config" && key.errorField == "server.prot")

        let outside = try #require(error("port = 1\n[server]\n"))
        #expect(outside.line == 1 && outside.key == "port")

        let malformed = try #require(error("[server]\nport 80\n"))
        #expect(malformed.line == 2 && malformed.file == "test.ini")
    }

    @Test("a bad value names its file, line and key", arguments: [
        ("server", "port = 70000"), ("server", "port = eighty"), ("server", "listen = 0.0.0.0/24"),
        ("server", "max_body_bytes = 12X"), ("server", "max_upload_bytes = 99999999999999999999G"),
        ("storage", "data_dir ="), ("database", "synchronous = off"), ("workers", "count = 65"),
        ("queue", "lease_seconds = -1"), ("queue", "backoff_base_seconds = nan"), ("queue", "max_attempts = 1.5"),
        ("render", "default_preset = cinema"), ("render", "x264_preset = fastest"), ("render", "crf = 52"),
        ("studio", "pitch = loud"), ("limits", "max_clips = 0"), ("auth", "allow_open_health = maybe"),
        ("costs", "compute_usd_per_hour = -0.1"), ("costs", "image_usd_each = inf"), ("budget", "monthly_usd = lots"),
        ("webhooks", "timeout_seconds = 0"), ("webhooks", "max_attempts = 21"), ("log", "level = verbose"), ("log", "format = xml"),
    ])
    func badValue(section: String, line: String) throws {
        let found = try #require(error("; a comment\n[\(section)]\n\(line)\n"))
        let key = line.split(separator: "=")[0].trimmingCharacters(in: .whitespaces)
        #expect(found.file == "test.ini")
        #expect(found.line == 3)
        #expect(found.section == section && found.key == key)
        #expect(found.description.hasPrefix("test.ini:3: [\(section)] \(key): "))
    }

    @Test("checks across keys point at the key to change")
    func crossChecks() throws {
        let heartbeat = try #require(error("[queue]\nlease_seconds = 5\nheartbeat_seconds = 5\n"))
        #expect(heartbeat.key == "heartbeat_seconds" && heartbeat.line == 3)
        let backoff = try #require(error("[webhooks]\nbackoff_cap_seconds = 1\nbackoff_base_seconds = 2\n"))
        #expect(backoff.key == "backoff_cap_seconds" && backoff.line == 2)
        // The cap is left at its default: the error names the key, the file, no line.
        let defaulted = try #require(error("[queue]\nbackoff_base_seconds = 400\n"))
        #expect(defaulted.key == "backoff_cap_seconds" && defaulted.line == nil && defaulted.file == "test.ini")
    }

    @Test("AIPROD_<SECTION>_<KEY> overrides the file; a bad value names the variable")
    func environmentOverride() throws {
        let config = try parse("[server]\nport = 9000\n", environment: [
            "AIPROD_SERVER_PORT": "9090", "AIPROD_STORAGE_DATA_DIR": "/tmp/x", "AIPROD_WEBHOOKS_SECRET": "env-secret",
            "AIPROD_BINARY": "/usr/bin/true", "HOME": "/root",
        ])
        #expect(config.server.port == 9090)
        #expect(config.storage.dataDirectory == "/tmp/x" && config.database.path == "/tmp/x/aiprod.sqlite3")
        #expect(config.webhooks.secret == "env-secret")

        let bad = try #require(error("[server]\nport = 9000\n", environment: ["AIPROD_SERVER_PORT": "high"]))
        #expect(bad.variable == "AIPROD_SERVER_PORT" && bad.key == "port" && bad.line == nil)
        #expect(bad.description.hasPrefix("AIPROD_SERVER_PORT: [server] port: "))
        #expect(bad.errorField == "AIPROD_SERVER_PORT")
    }

    @Test("an unknown AIPROD_ variable is an error naming it", arguments: [
        "AIPROD_SERVER_PROT", "AIPROD_SERVERS_PORT", "AIPROD_PORT", "AIPROD_LOG_",
    ])
    func unknownVariable(name: String) throws {
        let found = try #require(error("", environment: [name: "1"]))
        #expect(found.variable == name)
        #expect(found.description.hasPrefix(name + ": "))
    }

    @Test("a missing file, a folder, a file that is not UTF-8")
    func files() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }

        for path in [folder + "/absent.ini", folder] {
            #expect {
                try ServiceConfig.load(path: path, environment: [:])
            } throws: { error in
                (error as? ConfigError)?.file == path && "\(error)".hasPrefix(path + ": ")
            }
        }
        let binary = folder + "/binary.ini"
        FileManager.default.createFile(atPath: binary, contents: Data([0x5B, 0xFF, 0xFE, 0x5D]))
        #expect(throws: ConfigError.self) { try ServiceConfig.load(path: binary, environment: [:]) }

        let good = folder + "/good.ini"
        FileManager.default.createFile(atPath: good, contents: Data("[workers]\ncount = 2\n[log]\nlevel = loud\n".utf8))
        #expect {
            try ServiceConfig.load(path: good, environment: [:])
        } throws: { error in
            "\(error)" == "\(good):4: [log] level: must be one of trace, debug, info, notice, warning, error, critical, got \"loud\""
        }
    }

    @Test("the effective config is printed with secrets redacted, and reads back")
    func redaction() throws {
        let config = try parse("[webhooks]\nsecret = s3cret-value\n[studio]\nwatermark = /srv/logo.png\n")
        let text = config.renderedINI()
        #expect(text.contains("secret = (redacted)\n"))
        #expect(!text.contains("s3cret-value"))
        #expect(text.contains("[limits]\nmax_image_width = 16384\n"))
        #expect(text.contains("sound_library = \n"))

        let dictionary = config.redactedDictionary
        #expect(dictionary["webhooks"]?["secret"] == .redacted)
        #expect(dictionary["server"]?["port"] == .integer(8080))
        #expect(dictionary["studio"]?["sound_library"] == .unset)
        let json = String(decoding: try JSONEncoder().encode(dictionary), as: UTF8.self)
        #expect(!json.contains("s3cret-value") && json.contains("\"(redacted)\"") && json.contains("\"sound_library\":null"))

        // An unset secret shows as empty, so the operator sees it is unset.
        #expect(ServiceConfig().renderedINI().contains("secret = \n"))
        // Unredacted, the rendering is a config file that reads back to the same values.
        #expect(try parse(config.renderedINI(redacting: false)) == config)
        #expect(try parse(ServiceConfig().renderedINI(redacting: false)) == ServiceConfig())
    }
}
