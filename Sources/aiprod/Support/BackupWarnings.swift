import AIProdStore
import Foundation

/// What a user is told on stderr about a backup that is whole but not complete.
enum BackupWarnings {
    /// Names the files the database lists that were not on disk (the backup could not hold them).
    static func reportMissing(in folder: String) {
        guard let data = FileManager.default.contents(atPath: folder + "/" + BackupManifest.fileName),
              let manifest = try? JSONDecoder().decode(Missing.self, from: data), !manifest.missing.isEmpty else { return }
        let shown = manifest.missing.prefix(10).joined(separator: ", ")
        let more = manifest.missing.count > 10 ? " and \(manifest.missing.count - 10) more" : ""
        FileHandle.standardError.write(Data("warning: \(manifest.missing.count) file(s) the database names were not on disk and are not in the backup: \(shown)\(more)\n".utf8))
    }

    private struct Missing: Decodable {
        var missing: [String]
    }
}
