import AIProdCore
import Testing

@Suite("ServiceConfig: [rate_limit] and [storage] quotas")
struct ProtectionConfigTests {
    func parse(_ text: String) throws(ConfigError) -> ServiceConfig {
        try ServiceConfig.parse(text, file: "test.ini", environment: [:])
    }

    @Test("Defaults: rate limits off, quotas off")
    func defaults() {
        let config = ServiceConfig()
        #expect(config.rateLimit.enabled == false)
        #expect(config.rateLimit.exemptCIDRs.isEmpty)
        #expect(config.storage.maxJobBytes == 0 && config.storage.maxBytesPerDay == 0 && config.storage.minFreeBytes == 0)
    }

    @Test("Every key parses; sizes take K/M/G; the ranges print back as written")
    func keys() throws {
        let config = try parse("""
        [rate_limit]
        enabled = true
        token_rate = 2.5
        token_burst = 20
        ip_rate = 5
        ip_burst = 50
        exempt_cidrs = 10.0.0.0/8, ::1 ,192.168.1.7
        max_tracked = 5000
        [storage]
        data_dir = /srv/aiprod
        max_job_bytes = 2G
        max_bytes_per_day = 50G
        min_free_bytes = 512M
        """)
        #expect(config.rateLimit.enabled && config.rateLimit.tokenRate == 2.5 && config.rateLimit.tokenBurst == 20)
        #expect(config.rateLimit.ipRate == 5 && config.rateLimit.ipBurst == 50 && config.rateLimit.maxTracked == 5000)
        #expect(config.rateLimit.exemptCIDRs.map(\.description) == ["10.0.0.0/8", "::1", "192.168.1.7"])
        #expect(config.rateLimit.exemptCIDRs.contains(ip: "10.200.3.4") && !config.rateLimit.exemptCIDRs.contains(ip: "11.0.0.1"))
        #expect(config.storage.maxJobBytes == 2 << 30 && config.storage.maxBytesPerDay == 50 << 30 && config.storage.minFreeBytes == 512 << 20)
        let printed = config.sections.first { $0.name == "rate_limit" }?.entries.first { $0.key == "exempt_cidrs" }?.value
        #expect(printed == .string("10.0.0.0/8, ::1, 192.168.1.7"))
    }

    @Test("Bad values name the key and line", arguments: [
        ("rate_limit", "exempt_cidrs = 10.0.0.0/33", "exempt_cidrs"),
        ("rate_limit", "exempt_cidrs = 10.0.0.0/8, bogus", "exempt_cidrs"),
        ("rate_limit", "token_rate = 0", "token_rate"),
        ("rate_limit", "ip_rate = nan", "ip_rate"),
        ("rate_limit", "token_burst = 0", "token_burst"),
        ("rate_limit", "max_tracked = 3", "max_tracked"),
        ("rate_limit", "enabled = maybe", "enabled"),
        ("storage", "min_free_bytes = -1", "min_free_bytes"),
        ("storage", "max_job_bytes = 99999999999999999999", "max_job_bytes"),
        ("storage", "max_bytes_per_day = 1T", "max_bytes_per_day"),
    ])
    func badValue(section: String, line: String, key: String) {
        do {
            _ = try parse("[\(section)]\n\(line)\n")
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.key == key && error.section == section && error.line == 2, "\(error)")
        }
    }
}
