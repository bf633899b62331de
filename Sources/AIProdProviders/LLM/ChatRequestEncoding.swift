import Foundation

/// How request bodies are written: compact, keys sorted, slashes as they are. No key strategy:
/// the bodies' keys are spelled out by their types, and a strategy would also rewrite the
/// property names inside a JSON schema.
enum ChatRequestEncoding {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
