import AIProdCore
import Testing

@Suite("StatusConfig: [status]")
struct StatusConfigTests {
    func parse(_ text: String, environment: [String: String] = [:]) throws(ConfigError) -> ServiceConfig {
        try ServiceConfig.parse(text, file: "test.ini", environment: environment)
    }

    @Test("defaults: no address is allowed without a token; a 10 s refresh")
    func defaults() {
        let config = ServiceConfig()
        #expect(config.status.allowCIDRs.isEmpty)
        #expect(config.status.refreshSeconds == 10)
    }

    @Test("a list of blocks and addresses, spaces allowed; printed back as read")
    func list() throws {
        let config = try parse("[status]\nallow_cidrs = 10.0.0.0/8, ::1 ,192.168.1.5\nrefresh_seconds = 30\n")
        #expect(config.status.allowCIDRs.map(\.description) == ["10.0.0.0/8", "::1", "192.168.1.5"])
        #expect(config.status.allowCIDRs.contains(ip: "10.2.3.4"))
        #expect(!config.status.allowCIDRs.contains(ip: "11.0.0.1"))
        #expect(config.status.refreshSeconds == 30)
        #expect(config.status.entries.first { $0.key == "allow_cidrs" }?.value == .string("10.0.0.0/8, ::1, 192.168.1.5"))
        let again = try parse(config.renderedINI(redacting: false))
        #expect(again.status == config.status)
    }

    @Test("a bad block or refresh names the key and the line; the environment overrides")
    func errors() throws {
        do {
            _ = try parse("[status]\n\nallow_cidrs = 10.0.0.0/33\n")
            Issue.record("a /33 was accepted")
        } catch {
            #expect(error.key == "allow_cidrs" && error.line == 3)
            #expect(error.message.contains("10.0.0.0/33"))
        }
        #expect(throws: ConfigError.self) { try parse("[status]\nallow_cidrs = localhost\n") }
        #expect(throws: ConfigError.self) { try parse("[status]\nrefresh_seconds = 0\n") }
        let overridden = try parse("", environment: ["AIPROD_STATUS_ALLOW_CIDRS": "127.0.0.1"])
        #expect(overridden.status.allowCIDRs.map(\.description) == ["127.0.0.1"])
    }
}
