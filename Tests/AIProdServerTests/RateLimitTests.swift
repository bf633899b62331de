import AIProdCore
import AIProdServer
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

/// `[rate_limit]` over real HTTP: the test's requests all come from 127.0.0.1.
@Suite("Server: rate limits over HTTP")
struct RateLimitTests {
    static func limiter(tokenBurst: Int = 1_000, ipBurst: Int = 1_000, exempt: [String] = []) -> RateLimiter {
        var config = RateLimitConfig()
        config.enabled = true
        config.tokenRate = 0.01
        config.tokenBurst = tokenBurst
        config.ipRate = 0.01
        config.ipBurst = ipBurst
        config.exemptCIDRs = exempt.compactMap { CIDRBlock($0) }
        return RateLimiter(config)
    }

    @Test("Past the address's burst every route answers 429 with the error shape and a whole Retry-After ≥ 1")
    func perAddress() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, rateLimiter: Self.limiter(ipBurst: 3)) { server async throws in
            for _ in 0..<3 { #expect(try await server.client.send("GET", "/health").status == 200) }
            let limited = try await server.client.send("GET", "/health")
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            let retry = try #require(limited.header("Retry-After").flatMap { Int($0) })
            #expect(retry >= 1)
            // A token does not help: the address's bucket is checked before authentication.
            #expect(try await server.client.send("GET", "/pipeline", token: server.token(.admin)).status == 429)
            #expect(try await server.client.send("GET", "/no-such-route").status == 429)
        }
    }

    @Test("Past a token's burst that token gets 429; another token still passes")
    func perToken() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, rateLimiter: Self.limiter(tokenBurst: 2)) { server async throws in
            let viewer = server.token(.viewer)
            #expect(try await server.client.send("GET", "/pipeline", token: viewer).status == 200)
            #expect(try await server.client.send("GET", "/presets", token: viewer).status == 200)
            let limited = try await server.client.send("GET", "/pipeline", token: viewer)
            #expect(limited.status == 429)
            #expect(limited.errorCode == "rate_limited")
            #expect((limited.header("Retry-After").flatMap { Int($0) } ?? 0) >= 1)
            #expect(try await server.client.send("GET", "/pipeline", token: server.token(.producer)).status == 200)
            // Open routes have no token, so only the address's (large) bucket applies.
            #expect(try await server.client.send("GET", "/health").status == 200)
        }
    }

    @Test("An exempt range is never limited, by address or by token")
    func exempt() async throws {
        let scratch = ScratchDirectory()
        let limiter = Self.limiter(tokenBurst: 1, ipBurst: 1, exempt: ["127.0.0.0/8", "::1/128"])
        try await TestServer.withServer(scratch, rateLimiter: limiter) { server async throws in
            for _ in 0..<12 {
                #expect(try await server.client.send("GET", "/pipeline", token: server.token(.viewer)).status == 200)
            }
        }
    }

    @Test("update() applies at once: a disabled limiter lets a limited client through")
    func reload() async throws {
        let scratch = ScratchDirectory()
        let limiter = Self.limiter(ipBurst: 1)
        try await TestServer.withServer(scratch, rateLimiter: limiter) { server async throws in
            #expect(try await server.client.send("GET", "/health").status == 200)
            #expect(try await server.client.send("GET", "/health").status == 429)
            var off = limiter.config
            off.enabled = false
            limiter.update(off)
            #expect(try await server.client.send("GET", "/health").status == 200)
        }
    }
}
