import AIProdCore
import Foundation
import Testing

/// Every INI snippet of docs/PROVIDERS-images.md is a configuration the daemon accepts (an
/// operator pastes them as they are), and names the kind it documents.
@Suite struct ImageDocsTests {
    static let root = #filePath.components(separatedBy: "/Tests/")[0]

    static func snippets() throws -> [String] {
        let text = try String(contentsOfFile: root + "/docs/PROVIDERS-images.md", encoding: .utf8)
        var blocks: [String] = [], current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```ini") {
                current = []
            } else if let lines = current, line.hasPrefix("```") {
                blocks.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test func eachSnippetParses() throws {
        let blocks = try Self.snippets()
        let key = NSTemporaryDirectory() + "aiprod-images-doc-key-" + UUID().uuidString
        try "sk-doc\n".write(toFile: key, atomically: true, encoding: .utf8)
        chmod(key, 0o600)
        defer { unlink(key) }
        var kinds: Set<ProviderKind> = []
        for block in blocks {
            let text = block.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("key_file =") ? "key_file = \(key)" : String($0) }.joined(separator: "\n")
            do {
                let config = try ServiceConfig.parse(text, file: "PROVIDERS-images.md", environment: [:])
                kinds.formUnion(config.providers.values.map(\.kind))
            } catch {
                Issue.record("\(block)\n\(error)")
            }
        }
        #expect(kinds == [.a1111, .comfyUI, .openAIImages, .runway])
    }
}
