import Foundation

/// What `GET {url}/history/{prompt_id}` says about one submitted prompt: `{}` while it waits
/// or runs; `{id: {"outputs": {node: {"images": [{filename, subfolder, type}]}}, "status":
/// {"status_str": "success" | "error", "messages": [...]}}}` once it ended.
enum ComfyHistory {
    /// A picture the graph saved, as `/view` names it.
    struct Output: Sendable, Hashable {
        var filename: String
        var subfolder: String
        var type: String
    }

    /// nil: not finished yet. Throws when the prompt failed or the reply is not history.
    static func output(_ body: Data, promptID: String, provider: String) throws(ProviderError) -> Output? {
        func malformed(_ reason: String) -> ProviderError {
            ProviderError(.malformedReply, provider: provider, "the history \(reason)")
        }
        guard let history = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { throw malformed("is not a JSON object") }
        guard let value = history[promptID] else { return nil }
        guard let entry = value as? [String: Any] else { throw malformed("entry is not an object") }
        if let status = entry["status"] as? [String: Any], status["status_str"] as? String == "error" {
            throw ProviderError(.unsupported, provider: provider, "the workflow failed: \(failure(status["messages"]))")
        }
        guard let outputs = entry["outputs"] as? [String: Any] else {
            if entry["outputs"] == nil { return nil }
            throw malformed("outputs is not an object")
        }
        for node in outputs.keys.sorted() {
            guard let images = (outputs[node] as? [String: Any])?["images"] else { continue }
            guard let list = images as? [Any], let first = list.first as? [String: Any], let filename = first["filename"] as? String,
                  let subfolder = (first["subfolder"] ?? "") as? String, let type = (first["type"] ?? "output") as? String else {
                throw malformed("outputs.\(node.prefix(40)).images is not a list of {filename, subfolder, type}")
            }
            guard (1...255).contains(filename.utf8.count), subfolder.utf8.count <= 255, (1...32).contains(type.utf8.count),
                  !filename.contains("/"), !filename.contains("\0") else {
                throw malformed("names a picture file aiprod will not ask for")
            }
            return Output(filename: filename, subfolder: subfolder, type: type)
        }
        if (entry["status"] as? [String: Any])?["status_str"] as? String == "success" {
            throw ProviderError(.malformedReply, provider: provider, "the workflow finished without saving a picture (does it end in SaveImage?)")
        }
        return nil
    }

    /// The exception message of an `execution_error` message, else a generic reason.
    static func failure(_ messages: Any?) -> String {
        for message in (messages as? [Any]) ?? [] {
            guard let pair = message as? [Any], pair.count == 2, pair[0] as? String == "execution_error",
                  let detail = pair[1] as? [String: Any] else { continue }
            let node = (detail["node_type"] as? String).map { "\($0.prefix(60)): " } ?? ""
            let text = (detail["exception_message"] as? String) ?? "execution error"
            return node + String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init).prefix(200))
        }
        return "an execution error"
    }
}
