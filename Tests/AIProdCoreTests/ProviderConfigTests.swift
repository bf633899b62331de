import AIProdCore
import Foundation
import Testing

@Suite("[provider.NAME] sections and the [studio] chains")
struct ProviderConfigTests {
    static let ini = """
        [costs]
        llm_usd_per_1k_tokens = 0.5
        [studio]
        planner = local-llm, offline
        voice = kokoro
        [provider.local-llm]
        kind = openai-chat
        url = http://gpu-box:11434/v1
        model = llama3.1:8b
        [provider.kokoro]
        kind = openai-speech
        url = http://gpu-box:8880/v1
        model = kokoro
        voice_en = af_heart
        key = sk-secret-value-123
        usd_per_1k_units = 0.015
        timeout_seconds = 20
        retries = 4
        concurrency = 3
        breaker_failures = 5
        breaker_seconds = 120
        """

    static func load(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> ServiceConfig {
        try ServiceConfig.parse(text, file: "aiprod.ini", environment: environment)
    }

    @Test("providers and chains are read; prices fall back to [costs]")
    func reads() throws {
        let config = try Self.load(Self.ini)
        #expect(config.studio.planner.providers == ["local-llm"])
        #expect(config.studio.voice.providers == ["kokoro"])
        #expect(config.studio.voice.description == "kokoro, offline")
        let llm = try #require(config.providers["local-llm"])
        #expect(llm.kind == .openAIChat && llm.model == "llama3.1:8b" && llm.key == nil)
        #expect(llm.usdPer1kUnits == 0.5 && llm.maxResponseBytes == 4 << 20)
        let voice = try #require(config.providers["kokoro"])
        #expect(voice.voices[.english] == "af_heart" && voice.usdPer1kUnits == 0.015)
        #expect(voice.timeoutSeconds == 20 && voice.retries == 4 && voice.concurrency == 3)
        #expect(voice.breakerFailures == 5 && voice.breakerSeconds == 120)
        #expect(voice.usd(units: 2_000) == 0.03)
    }

    @Test("no provider by default: every chain is offline")
    func offlineByDefault() throws {
        let config = try Self.load("")
        #expect(config.providers.isEmpty && config.studio.planner.isOffline && config.studio.voice.isOffline)
    }

    @Test("the key is never printed: config check and /admin/config show (redacted)")
    func redacted() throws {
        let config = try Self.load(Self.ini)
        let printed = config.renderedINI()
        #expect(!printed.contains("sk-secret-value-123"))
        #expect(printed.contains("[provider.kokoro]") && printed.contains("key = (redacted)"))
        let dictionary = "\(config.redactedDictionary)"
        #expect(!dictionary.contains("sk-secret-value-123"))
        #expect(!"\(config.providers["kokoro"]!)".contains("sk-secret-value-123"))
        // What is printed reads back to the same configuration (the key aside).
        let again = try Self.load(config.renderedINI(redacting: false))
        #expect(again == config)
    }

    @Test("a key file must be 0600; its first line is the key")
    func keyFile() throws {
        let folder = NSTemporaryDirectory() + "aiprod-key-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/key"
        try "sk-from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
        chmod(file, 0o644)
        let text = "[provider.cloud]\nkind = openai-chat\nurl = https://api.example.com/v1\nmodel = m\nkey_file = \(file)\n"
        #expect { try Self.load(text) } throws: { error in
            let error = error as? ConfigError
            return error?.key == "key_file" && error?.line == 5 && error?.message.contains("0600") == true
        }
        chmod(file, 0o600)
        let config = try Self.load(text)
        #expect(config.providers["cloud"]?.key?.value == "sk-from-file")
        #expect(config.renderedINI().contains("key_file = \(file)"))
        #expect(!config.renderedINI().contains("sk-from-file"))
        #expect(throws: ConfigError.self) { try Self.load(text + "key = inline\n") }
    }

    @Test("bad sections and values name the file, line and key", arguments: [
        ("[provider.x]\nkind = telepathy\n", "kind"),
        ("[provider.x]\nkind = openai-chat\nmodel = m\n", "url"),
        ("[provider.x]\nkind = openai-chat\nurl = ftp://host/v1\nmodel = m\n", "url"),
        ("[provider.x]\nkind = openai-chat\nurl = https://user:pw@host/v1\nmodel = m\n", "url"),
        ("[provider.x]\nkind = openai-chat\nurl = https://host/v1?key=abc\nmodel = m\n", "url"),
        ("[provider.x]\nkind = openai-chat\nurl = http://host/v1\n", "model"),
        ("[provider.x]\nkind = openai-chat\nurl = http://host/v1\nmodel = m\ncolour = blue\n", "colour"),
        ("[provider.x]\nkind = openai-chat\nurl = http://host/v1\nmodel = m\nretries = 99\n", "retries"),
        ("[provider.x]\nkind = openai-speech\nurl = http://host/v1\n", "voice_en"),
        ("[provider.Bad!]\nkind = openai-chat\nurl = http://host/v1\nmodel = m\n", ""),
        ("[provider.offline]\nkind = openai-chat\nurl = http://host/v1\nmodel = m\n", ""),
        ("[studio]\nplanner = nowhere\n", "planner"),
        ("[studio]\nplanner = offline, llm\n", "planner"),
        ("[studio]\nvoice = llm\n[provider.llm]\nkind = openai-chat\nurl = http://host/v1\nmodel = m\n", "voice"),
    ])
    func refused(text: String, key: String) {
        #expect { try Self.load(text) } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == key && error.file == "aiprod.ini" && error.line != nil
        }
    }

    @Test("a job starts a chain at a name in it, or offline; anything else is refused")
    func jobChoice() {
        let chain = ProviderChain(["a", "b"])
        #expect(chain.starting(at: "b")?.providers == ["b"])
        #expect(chain.starting(at: "offline")?.providers == [])
        #expect(chain.starting(at: "http://evil.example/v1") == nil)
        #expect(chain.starting(at: "c") == nil)
    }
}
