import AIProdProviders
import Foundation

/// `provider-calls.jsonl` in the job's folder: every provider call of every attempt, one JSON
/// object per line, appended (`O_APPEND`, one `write` per line), so the CLI's renders keep the
/// same record the daemon's store does.
public enum ProviderCallLog {
    /// snake_case, one line.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static func append(_ call: ProviderCall, to path: String) {
        guard var line = try? encoder.encode(call) else { return }
        line.append(0x0A)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The calls recorded in the job's folder (unreadable lines skipped).
    public static func read(_ path: String) -> [ProviderCall] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(ProviderCall.self, from: Data($0)) }
    }
}
