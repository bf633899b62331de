import AIProdCore
import AIProdStore
import Foundation
import NIOCore

/// One frame of a `text/event-stream`: `event: <name>` and one `data:` line of compact JSON.
struct ServerSentEvent: Sendable {
    var name: String
    var data: String

    var buffer: ByteBuffer {
        ByteBuffer(string: "event: \(name)\ndata: \(data)\n\n")
    }

    /// A comment line: keeps idle proxies from closing the stream, and lets the server notice
    /// a client that went away.
    static let keepAlive = ByteBuffer(string: ": keep-alive\n\n")

    static func state(_ job: JobRecord) -> ServerSentEvent {
        ServerSentEvent(name: "state", data: json(JobView(job)))
    }

    static func progress(_ progress: JobProgress) -> ServerSentEvent {
        ServerSentEvent(name: "progress", data: json(ProgressData(stage: progress.stage, fraction: progress.fraction, percent: progress.percent)))
    }

    private struct ProgressData: Encodable {
        var stage: StageName
        var fraction: Double
        var percent: Double
    }

    private static func json(_ value: some Encodable) -> String {
        // Compact: a `data:` field must not contain a newline.
        guard let data = try? APIJSON.encoder.encode(value), let text = String(data: data, encoding: .utf8) else { return "{}" }
        return text
    }
}
