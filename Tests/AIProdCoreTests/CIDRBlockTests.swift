import AIProdCore
import Testing

@Suite("CIDR blocks: the INI's address ranges")
struct CIDRBlockTests {
    @Test("IPv4 blocks match their addresses, and IPv4-mapped IPv6 peers")
    func ipv4() throws {
        let block = try #require(CIDRBlock("192.168.1.0/24"))
        #expect(block.contains(ip: "192.168.1.7"))
        #expect(block.contains(ip: "192.168.1.255"))
        #expect(!block.contains(ip: "192.168.2.1"))
        #expect(block.contains(ip: "::ffff:192.168.1.9"))
        #expect(!block.contains(ip: "unknown"))
        let one = try #require(CIDRBlock("10.0.0.5"))
        #expect(one.contains(ip: "10.0.0.5") && !one.contains(ip: "10.0.0.6"))
        let all = try #require(CIDRBlock("0.0.0.0/0"))
        #expect(all.contains(ip: "8.8.8.8"))
        #expect(!all.contains(ip: "2001:db8::1"), "an IPv4 /0 is every IPv4 address, not every address")
        let odd = try #require(CIDRBlock("172.16.0.0/12"))
        #expect(odd.contains(ip: "172.31.255.255") && !odd.contains(ip: "172.32.0.0"))
    }

    @Test("IPv6 blocks, zones dropped")
    func ipv6() throws {
        let loopback = try #require(CIDRBlock("::1/128"))
        #expect(loopback.contains(ip: "::1") && !loopback.contains(ip: "::2"))
        let ula = try #require(CIDRBlock("fd00::/8"))
        #expect(ula.contains(ip: "fd12:3456::1") && !ula.contains(ip: "fe80::1"))
        let link = try #require(CIDRBlock("fe80::/10"))
        #expect(link.contains(ip: "fe80::1%eth0"))
        #expect([loopback, ula].contains(ip: "fd00::9"))
    }

    @Test("what is not a block is refused", arguments: [
        "", "/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0/8", "::1/129", "10.0.0.0/8/8", "10.0.0.0/ 8",
        "host.example", "1.2.3.4/+8", "1.2.3.4/0008", "999.1.1.1",
    ])
    func refused(_ text: String) {
        #expect(CIDRBlock(text) == nil)
    }
}
