import AIProdCore
import AIProdServer
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

/// `/status` over real HTTP: well-formed (an XML parser reads it), shows a running job with its
/// worker, stage and progress, escapes hostile text, loads nothing from anywhere, and opens
/// only to a token (header or the cookie `?token=` sets) or an allowed address.
@Suite("Server: /status")
struct StatusPageTests {
    static let hostileTitle = #"<script>alert("x")</script> & <img src=http://evil.example/x.png> ]]>"#

    /// A queued job taken by a worker named `w-7` and halfway through its render.
    func runningJob(_ server: TestServer) throws -> JobRecord {
        let job = try server.store.enqueue(JobSpec(script: "The sea at dawn.", title: Self.hostileTitle), options: EnqueueOptions(maxAttempts: 3)).job
        let claimed = try #require(try server.store.claim(worker: "w-7", now: Date()))
        #expect(claimed.job.id == job.id)
        try server.store.stageStarted(job.id, stage: .render, worker: "w-7", now: Date())
        try server.store.progress(job.id, JobProgress(stage: .render, fraction: 0.5))
        return try server.store.job(job.id)
    }

    /// Every `src`/`href` is a `data:` URI or a same-origin path, and the CSS imports nothing.
    func expectNothingExternal(_ page: XHTMLDocument) {
        for element in page.elements {
            for name in ["src", "href", "action", "srcset", "poster", "data"] {
                guard let value = element.attributes[name] else { continue }
                let external = value.contains("//") && !value.hasPrefix("data:") || value.lowercased().hasPrefix("javascript:")
                #expect(!external, "<\(element.name) \(name)=\"\(value)\">")
            }
        }
        #expect(page.elements(named: "script").isEmpty)
        #expect(page.elements(named: "link").isEmpty)
        let css = page.styles.lowercased()
        #expect(!css.contains("@import"))
        #expect(!css.contains("url("))
    }

    @Test("well-formed, refreshing, shows the running job and escapes hostile text; loads nothing external")
    func page() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.status.refreshSeconds = 7; $0.workerCount = 2 }) { server async throws in
            let job = try runningJob(server)
            let response = try await server.client.send("GET", "/status", token: server.token(.viewer))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            #expect(response.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
            #expect(response.text.hasPrefix("<!DOCTYPE html>"))
            let page = try XHTMLDocument(response.text)
            #expect(page.elements(named: "meta").contains { $0.attributes["http-equiv"] == "refresh" && $0.attributes["content"] == "7" })
            // The running job's row: worker, id, stage, and a half-full bar.
            let progress = try #require(page.elements(named: "div").first { $0.attributes["class"] == "progress" })
            #expect(progress.attributes["title"] == "\(Int(job.progress.rounded()))%")
            #expect(page.elements(named: "tr").contains { $0.attributes["class"] == "running" })
            #expect(page.text.contains("w-7"))
            #expect(page.text.contains(job.id.rawValue))
            #expect(page.text.contains("render"))
            #expect(page.text.contains("1 of 2 workers idle"))
            // The title is text, not markup: the parser saw it as characters.
            #expect(page.text.contains(Self.hostileTitle))
            #expect(!response.text.contains("<script>"))
            #expect(page.elements(named: "svg").count == 2)
            expectNothingExternal(page)
        }
    }

    @Test("a succeeded job's thumbnail is inlined as a data: URI")
    func thumbnail() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let job = try server.store.enqueue(JobSpec(script: "The sea at dawn."), options: EnqueueOptions(maxAttempts: 3)).job
            _ = try #require(try server.store.claim(worker: "w-1", now: Date()))
            let result = JobResult(video: "video.mp4", thumbnail: "thumbnail.jpg", subtitlesSrt: nil, subtitlesVtt: nil, duration: 4,
                                   videoBytes: 10, videoSha256: String(repeating: "0", count: 64), qaPassed: true, qaFailures: [], wallSeconds: 2)
            try server.store.succeed(job.id, worker: "w-1", result: result, costs: [], now: Date())
            let folder = server.dataDirectory + "/jobs/" + job.id.rawValue
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9])
            try jpeg.write(to: URL(fileURLWithPath: folder + "/thumbnail.jpg"))
            let response = try await server.client.send("GET", "/status", token: server.token(.viewer))
            let page = try XHTMLDocument(response.text)
            let sources = page.elements(named: "img").compactMap { $0.attributes["src"] }
            #expect(sources == ["data:image/jpeg;base64," + jpeg.base64EncodedString()])
            #expect(page.elements(named: "tr").contains { $0.attributes["class"] == "succeeded" })
            expectNothingExternal(page)
        }
    }

    @Test("no token: 401 JSON; ?token= sets an HttpOnly SameSite=Strict cookie and redirects; the cookie opens the page until revoked")
    func tokenAndCookie() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch) { server async throws in
            let refused = try await server.client.send("GET", "/status")
            #expect(refused.status == 401)
            #expect(refused.errorCode == "unauthorized")
            let bad = try await server.client.send("GET", "/status?token=aip_nothing_here", followRedirects: false)
            #expect(bad.status == 401)
            #expect(bad.header("Set-Cookie") == nil)

            let (secret, record) = try server.store.createToken(name: "wall-screen", role: .viewer, now: Date())
            let escaped = try #require(secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let redirect = try await server.client.send("GET", "/status?token=\(escaped)", followRedirects: false)
            #expect(redirect.status == 303)
            #expect(redirect.header("Location") == "/status")
            let cookie = try #require(redirect.header("Set-Cookie"))
            let attributes = Set(cookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes.isSuperset(of: ["HttpOnly", "SameSite=Strict", "Path=/status"]))
            let pair = try #require(cookie.split(separator: ";").first.map(String.init))
            #expect(pair == "aiprod_status=\(secret)")

            let withCookie = try await server.client.send("GET", "/status", headers: ["Cookie": "other=1; \(pair)"])
            #expect(withCookie.status == 200)
            _ = try XHTMLDocument(withCookie.text)
            #expect(try await server.client.send("GET", "/status", headers: ["Cookie": "aiprod_status=aip_forged"]).status == 401)
            #expect(try await server.client.send("GET", "/status", headers: ["Cookie": "aiprod_status=\"<bad>\""]).status == 401)
            // A header that is not a bearer token is refused, not skipped for the cookie.
            #expect(try await server.client.send("GET", "/status", headers: ["Authorization": "Basic eDp5", "Cookie": pair]).status == 401)

            _ = try server.store.revokeToken(id: record.id, now: Date())
            #expect(try await server.client.send("GET", "/status", headers: ["Cookie": pair]).status == 401)
        }
    }

    @Test("[status] allow_cidrs opens the page to those addresses only")
    func allowlist() async throws {
        let scratch = ScratchDirectory()
        try await TestServer.withServer(scratch, configure: { $0.status.allowCIDRs = [CIDRBlock("127.0.0.0/8")!] }) { server async throws in
            let open = try await server.client.send("GET", "/status")
            #expect(open.status == 200)
            _ = try XHTMLDocument(open.text)
        }
        let other = ScratchDirectory()
        try await TestServer.withServer(other, configure: { $0.status.allowCIDRs = [CIDRBlock("10.0.0.0/8")!, CIDRBlock("::1")!] }) { server async throws in
            #expect(try await server.client.send("GET", "/status").status == 401)
            #expect(try await server.client.send("GET", "/status", token: server.token(.viewer)).status == 200)
        }
    }
}
