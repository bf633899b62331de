import AIProdStore
import Hummingbird

/// Every route the server registers, with its role. Viewers read; producers create, cancel,
/// retry and manage assets; admins also reach `/admin/*`. `/health` and `/openapi.json` are
/// open: the first for load balancers and systemd checks, the second so a client (or
/// schemathesis) can learn the API before it holds a token.
enum RouteCatalog {
    static let jobIDParameter = "id"

    static let all: [Route] = [
        Route(method: .post, path: "/pipeline/run", role: .producer, summary: "Queue a script job", statuses: [202, 200, 400, 402, 404, 413, 422], body: "application/json", requestSchema: "RunRequest", responseSchema: "Job"),
        Route(method: .get, path: "/pipeline", role: .viewer, summary: "List jobs, newest first", statuses: [200, 400, 422], query: ["state", "limit", "cursor"], responseSchema: "JobList"),
        Route(method: .get, path: "/pipeline/{id}", role: .viewer, summary: "A job's state, progress and result", statuses: [200, 404], responseSchema: "Job"),
        Route(method: .post, path: "/pipeline/{id}/cancel", role: .producer, summary: "Cancel a queued or running job", statuses: [200, 404, 409], responseSchema: "Job"),
        Route(method: .post, path: "/pipeline/{id}/retry", role: .producer, summary: "Queue a failed or dead job again", statuses: [200, 404, 409], responseSchema: "Job"),
        Route(method: .get, path: "/pipeline/{id}/events", role: .viewer, summary: "Server-sent events of stage and progress", statuses: [200, 404], produces: "text/event-stream"),
        Route(method: .get, path: "/pipeline/{id}/video", role: .viewer, summary: "The MP4 (Range supported)", statuses: [200, 206, 404, 416], produces: "video/mp4"),
        Route(method: .get, path: "/pipeline/{id}/thumbnail", role: .viewer, summary: "The JPEG thumbnail", statuses: [200, 404], produces: "image/jpeg"),
        Route(method: .get, path: "/pipeline/{id}/subtitles.srt", role: .viewer, summary: "Subtitles as SRT", statuses: [200, 404], produces: "application/x-subrip"),
        Route(method: .get, path: "/pipeline/{id}/subtitles.vtt", role: .viewer, summary: "Subtitles as WebVTT", statuses: [200, 404], produces: "text/vtt"),
        Route(method: .get, path: "/pipeline/{id}/plan", role: .viewer, summary: "The job's plan", statuses: [200, 404], responseSchema: "AnyObject"),
        Route(method: .get, path: "/pipeline/{id}/timeline", role: .viewer, summary: "The job's timeline", statuses: [200, 404], responseSchema: "AnyObject"),
        Route(method: .get, path: "/pipeline/{id}/qa", role: .viewer, summary: "The QA report", statuses: [200, 404], responseSchema: "AnyObject"),
        Route(method: .get, path: "/pipeline/{id}/credits", role: .viewer, summary: "Who made each piece of the video, on what terms (?format=txt: as text)", statuses: [200, 400, 404], query: ["format"], responseSchema: "Credits", alsoProduces: "text/plain"),
        Route(method: .post, path: "/pipeline/plan", role: .viewer, summary: "Dry run: plan, cost and ETA", statuses: [200, 400, 404, 413, 422], body: "application/json", requestSchema: "RunRequest", responseSchema: "Plan"),
        Route(method: .post, path: "/timeline/render", role: .producer, summary: "Queue a Timeline whose media are asset ids", statuses: [202, 200, 400, 402, 404, 413, 422], body: "application/json", requestSchema: "TimelineRequest", responseSchema: "Job"),
        Route(method: .post, path: "/cost/estimate", role: .viewer, summary: "Cost and ETA of a request", statuses: [200, 400, 404, 413, 422], body: "application/json", requestSchema: "RunRequest", responseSchema: "Estimate"),
        Route(method: .get, path: "/presets", role: .viewer, summary: "Built-in presets", statuses: [200], responseSchema: "PresetList"),
        Route(method: .get, path: "/health", role: nil, summary: "Database, workers, queue depth, version", statuses: [200, 503], responseSchema: "Health"),
        Route(method: .get, path: "/metrics", role: .viewer, summary: "Prometheus text metrics", statuses: [200], produces: "text/plain"),
        Route(method: .get, path: "/status", role: nil, summary: "Built-in HTML status page: a token (header, or the cookie ?token= sets) or an allowed address", statuses: [200, 303, 401], query: ["token"], produces: "text/html"),
        Route(method: .get, path: "/openapi.json", role: nil, summary: "This document", statuses: [200], responseSchema: "AnyObject"),
        Route(method: .post, path: "/assets", role: .producer, summary: "Upload an image, video or audio file", statuses: [201, 200, 400, 413, 415], query: ["name", "tags"], body: "application/octet-stream", responseSchema: "Asset"),
        Route(method: .get, path: "/assets", role: .viewer, summary: "List assets", statuses: [200, 400, 422], query: ["limit", "cursor"], responseSchema: "AssetList"),
        Route(method: .get, path: "/assets/{id}", role: .viewer, summary: "An asset's record", statuses: [200, 404], responseSchema: "Asset"),
        Route(method: .delete, path: "/assets/{id}", role: .producer, summary: "Delete an asset", statuses: [204, 404, 409]),
        Route(method: .post, path: "/admin/tokens", role: .admin, summary: "Create a token (its secret is shown once)", statuses: [201, 400, 413, 422], body: "application/json", requestSchema: "TokenRequest", responseSchema: "CreatedToken"),
        Route(method: .get, path: "/admin/tokens", role: .admin, summary: "List tokens", statuses: [200], responseSchema: "TokenList"),
        Route(method: .delete, path: "/admin/tokens/{id}", role: .admin, summary: "Revoke a token (not the one making the request)", statuses: [200, 404, 409], responseSchema: "Token"),
        Route(method: .get, path: "/admin/audit", role: .admin, summary: "The audit log", statuses: [200, 400], query: ["type", "since", "until", "token", "limit"], responseSchema: "AuditList"),
        Route(method: .get, path: "/admin/config", role: .admin, summary: "The effective configuration, secrets redacted", statuses: [200], responseSchema: "Config"),
        Route(method: .get, path: "/admin/dead", role: .admin, summary: "The dead letter: jobs that failed for good", statuses: [200, 400, 422], query: ["limit", "cursor"], responseSchema: "JobList"),
    ]

    /// The route a request path and method select, if any. Like the router's trie, the path
    /// alone picks the template (literal segments win over parameters: `/pipeline/plan` is not a
    /// job id), then the method picks the route.
    static func route(method: HTTPRequest.Method, path: Substring) -> Route? {
        guard let template = template(for: path) else { return nil }
        return all.first { $0.path == template && $0.method == method }
    }

    /// Methods served on a path, for a 405's `Allow` header.
    static func methods(path: Substring) -> [HTTPRequest.Method] {
        guard let template = template(for: path) else { return [] }
        return all.filter { $0.path == template }.map(\.method)
    }

    /// Every template split once, fewest parameters first: this runs on every request (the
    /// auth middleware), where splitting each template again cost more than the store lookup.
    private static let templates: [(path: String, segments: [Substring])] = {
        var seen = Set<String>()
        return all.filter { seen.insert($0.path).inserted }
            .sorted { $0.parameterCount < $1.parameterCount }
            .map { ($0.path, $0.path.split(separator: "/")) }
    }()

    private static func template(for path: Substring) -> String? {
        let actual = path.split(separator: "/")
        return templates.first { template in
            template.segments.count == actual.count
                && zip(template.segments, actual).allSatisfy { $0.first == "{" || $0 == $1 }
        }?.path
    }
}
