import AIProdCore
import Foundation
import Testing

/// Every INI snippet of docs/PROVIDERS.md and the README is a configuration the daemon accepts:
/// an operator pastes them as they are.
@Suite("The providers' INI snippets in the docs")
struct ProviderDocsTests {
    static let root = #filePath.components(separatedBy: "/Tests/")[0]

    static func snippets(_ file: String) throws -> [String] {
        let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        var blocks: [String] = [], current: [Substring]? = nil
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.hasPrefix("```ini") {
                current = []
            } else if current != nil, line.hasPrefix("```") {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    @Test("each snippet parses (a key file it names stands for a real one of mode 0600)", arguments: ["docs/PROVIDERS.md", "README.md"])
    func parses(_ file: String) throws {
        let blocks = try Self.snippets(file)
        #expect(blocks.count >= (file == "README.md" ? 1 : 8), "\(file) has \(blocks.count) ini blocks")
        let key = NSTemporaryDirectory() + "aiprod-doc-key-" + UUID().uuidString
        try "sk-doc\n".write(toFile: key, atomically: true, encoding: .utf8)
        chmod(key, 0o600)
        defer { unlink(key) }
        for block in blocks {
            let text = block.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("key_file =") ? "key_file = \(key)" : String($0) }.joined(separator: "\n")
            #expect(throws: Never.self, "\(file):\n\(block)") { try ServiceConfig.parse(text, file: file, environment: [:]) }
        }
    }
}
