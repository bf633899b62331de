import AIProdCore
import Foundation

/// A ComfyUI workflow template (the `workflow` file of a `comfyui` section): an API-format
/// graph ("Save (API Format)" in ComfyUI) with `{{prompt}}` inside a string and `{{width}}`,
/// `{{height}}` and `{{seed}}` where numbers go. Read and checked once, when the provider is
/// made, so a broken template is a configuration error with its reason rather than a failed
/// call per scene.
struct ComfyWorkflow: Sendable {
    /// Largest template read (real ones are a few kilobytes).
    static let maxBytes = 1 << 20
    static let promptPlaceholder = "{{prompt}}"
    /// A prompt with every character JSON must escape: the template is valid only if this
    /// comes back out of it unchanged, so `{{prompt}}` sits inside a string.
    static let probePrompt = "aiprod \"probe\" \\ / \u{1}\n"

    let template: String
    /// The checkpoint the graph loads (`ckpt_name`), named in credits when the section sets no model.
    let checkpoint: String?

    /// Reads and checks `config.workflow`; every problem is `.unsupported` with its reason.
    static func load(_ config: ProviderConfig) throws(ProviderError) -> ComfyWorkflow {
        let name = config.name
        guard let path = config.workflow, !path.isEmpty else {
            throw ProviderError(.unsupported, provider: name, "a comfyui provider needs workflow = the path of an API-format workflow template")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ProviderError(.unsupported, provider: name, "cannot read the workflow \(path)")
        }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: maxBytes + 1) else {
            throw ProviderError(.unsupported, provider: name, "cannot read the workflow \(path)")
        }
        guard data.count <= maxBytes else {
            throw ProviderError(.unsupported, provider: name, "the workflow \(path) is larger than \(maxBytes) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProviderError(.unsupported, provider: name, "the workflow \(path) is not UTF-8 text")
        }
        return try ComfyWorkflow(template: text, provider: name, path: path)
    }

    init(template: String, provider: String, path: String) throws(ProviderError) {
        func refuse(_ reason: String) -> ProviderError {
            ProviderError(.unsupported, provider: provider, "the workflow \(path) \(reason)")
        }
        guard template.contains(Self.promptPlaceholder) else { throw refuse("has no {{prompt}} placeholder") }
        self.template = template
        let probe = Self.fill(template, prompt: Self.probePrompt, width: 512, height: 512, seed: 1)
        guard let graph = try? JSONSerialization.jsonObject(with: Data(probe.utf8)) as? [String: Any], !graph.isEmpty else {
            throw refuse("is not a JSON object once its placeholders are filled")
        }
        if graph["nodes"] != nil, graph["links"] != nil {
            throw refuse("is in ComfyUI's UI format; export it with \"Save (API Format)\"")
        }
        var checkpoint: String?
        for id in graph.keys.sorted() {
            guard let node = graph[id] as? [String: Any], node["class_type"] is String, let inputs = node["inputs"] as? [String: Any] else {
                throw refuse("is not an API-format graph: node \(id.prefix(40)) lacks class_type or inputs")
            }
            if checkpoint == nil, let name = inputs["ckpt_name"] as? String, (1...200).contains(name.count) { checkpoint = name }
        }
        guard Self.holds(Self.probePrompt, in: graph) else { throw refuse("must have {{prompt}} inside a string (\"text\": \"{{prompt}}\")") }
        self.checkpoint = checkpoint
    }

    /// The graph for one picture, as JSON text.
    func filled(prompt: String, width: Int, height: Int, seed: UInt64) -> String {
        Self.fill(template, prompt: prompt, width: width, height: height, seed: seed)
    }

    /// Numbers replace their placeholders quoted or not (`"{{seed}}"` becomes a number too);
    /// the prompt is escaped as the inside of a JSON string.
    static func fill(_ template: String, prompt: String, width: Int, height: Int, seed: UInt64) -> String {
        var text = template
        for (key, value) in [("width", String(width)), ("height", String(height)), ("seed", String(seed))] {
            text = text.replacingOccurrences(of: "\"{{\(key)}}\"", with: value).replacingOccurrences(of: "{{\(key)}}", with: value)
        }
        return text.replacingOccurrences(of: promptPlaceholder, with: escaped(prompt))
    }

    /// `text` escaped for the inside of a JSON string (without its quotes).
    static func escaped(_ text: String) -> String {
        let quoted = String(decoding: JSONReply.body([text]), as: UTF8.self)
        // `["…"]`: drop the bracket and quote on each side.
        return String(quoted.dropFirst(2).dropLast(2))
    }

    /// Whether `value` is a string somewhere in `tree`.
    static func holds(_ value: String, in tree: Any) -> Bool {
        switch tree {
        case let text as String: text.contains(value)
        case let array as [Any]: array.contains { holds(value, in: $0) }
        case let object as [String: Any]: object.values.contains { holds(value, in: $0) }
        default: false
        }
    }
}
