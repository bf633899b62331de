import Foundation

/// A Runway task as `GET /v1/tasks/{id}` describes it: `PENDING`, `THROTTLED` or `RUNNING`
/// while it works; `SUCCEEDED` with `output` (URLs of the video); `FAILED` with `failure` and
/// `failureCode`; `CANCELLED` when someone deleted it.
struct RunwayTask: Decodable {
    var status: String
    var output: [String]?
    var failure: String?
    var failureCode: String?

    /// The video's URL once the task succeeded, nil while it works; throws for a failed task or
    /// a reply that is not a task.
    func videoURL(provider: String) throws(ProviderError) -> URL? {
        switch status {
        case "PENDING", "THROTTLED", "RUNNING":
            return nil
        case "SUCCEEDED":
            guard let first = output?.first, first.utf8.count <= 8_192, let url = URL(string: first), url.scheme != nil else {
                throw ProviderError(.malformedReply, provider: provider, "the task succeeded without a video URL in output")
            }
            return url
        case "FAILED", "CANCELLED":
            let reason = Self.printable(failure ?? (status == "CANCELLED" ? "cancelled" : "no reason given"))
            let code = failureCode.map { " (\(Self.printable($0).prefix(60)))" } ?? ""
            throw ProviderError(.unsupported, provider: provider, "the task \(status == "FAILED" ? "failed" : "was cancelled"): \(reason.prefix(200))\(code)")
        default:
            throw ProviderError(.malformedReply, provider: provider, "the task's status \(Self.printable(status).prefix(40)) is not one Runway documents")
        }
    }

    static func printable(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
    }
}
