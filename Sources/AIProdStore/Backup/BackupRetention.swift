import Foundation

/// `[backup] keep`: after a new backup, the oldest finished backup folders beyond the newest
/// `keep` are deleted. Only folders this code made (the `aiprod-backup-` prefix and a manifest)
/// are ever counted or removed; temporary folders of backups in progress are left alone.
public enum BackupRetention {
    /// The finished backups in `directory`, oldest first (the names sort by their UTC time).
    public static func backups(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasPrefix(BackupMaker.folderPrefix) }
            .filter { BackupFileSystem.exists(directory + "/" + $0 + "/" + BackupManifest.fileName) }
            .sorted()
            .map { directory + "/" + $0 }
    }

    /// Deletes all but the newest `keep` backups (0 keeps everything); returns what it deleted.
    @discardableResult
    public static func prune(_ directory: String, keep: Int) -> [String] {
        guard keep > 0 else { return [] }
        let all = backups(in: directory)
        guard all.count > keep else { return [] }
        let doomed = Array(all.prefix(all.count - keep))
        for folder in doomed { BackupFileSystem.remove(folder) }
        return doomed
    }
}
