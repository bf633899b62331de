import Foundation
import Synchronization

/// A content-addressed store of provider answers on disk (`<data_dir>/cache/providers/`), so a
/// re-render, a retry or a second job with the same text never pays twice. An entry is written
/// only after its answer was checked and used, atomically (temporary file, then rename), so a
/// crash leaves either the whole answer or none. Past `maxBytes` the least recently used
/// entries go.
public final class ProviderCache: Sendable {
    public let directory: String
    public let maxBytes: Int64
    /// One writer at a time trims; reads and writes of distinct entries need no lock.
    private let trimming = Mutex(())

    public init(directory: String, maxBytes: Int64 = 2 << 30) {
        self.directory = directory
        self.maxBytes = max(maxBytes, 0)
    }

    private func path(_ key: ProviderCacheKey) -> String {
        "\(directory)/\(key.hex.prefix(2))/\(key.hex)"
    }

    /// The stored answer, or nil. A hit marks the entry as just used.
    public func get(_ key: ProviderCacheKey, maxBytes limit: Int) -> Data? {
        let file = path(key)
        var status = stat()
        guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= Int64(limit) else { return nil }
        guard let data = FileManager.default.contents(atPath: file) else { return nil }
        utimes(file, nil)
        return data
    }

    /// Stores `data` under `key`; failures (a full disk) only cost a future cache miss.
    public func put(_ key: ProviderCacheKey, _ data: Data) {
        guard maxBytes > 0, Int64(data.count) <= maxBytes else { return }
        let file = path(key)
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let temporary = "\(file).\(UInt64.random(in: 0...UInt64.max)).tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else { return }
            guard rename(temporary, file) == 0 else {
                unlink(temporary)
                return
            }
        } catch {
            return
        }
        trim()
    }

    /// Removes an entry that turned out unusable.
    public func remove(_ key: ProviderCacheKey) {
        unlink(path(key))
    }

    /// Bytes held now.
    public var bytes: Int64 { entries().reduce(0) { $0 + $1.size } }

    private struct Entry {
        var path: String
        var size: Int64
        var used: Double
    }

    private func entries() -> [Entry] {
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var entries: [Entry] = []
        for folder in folders where folder.utf8.count == 2 {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/\(folder)") else { continue }
            for name in names where !name.hasSuffix(".tmp") {
                let file = "\(directory)/\(folder)/\(name)"
                var status = stat()
                guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
                entries.append(Entry(path: file, size: Int64(status.st_size),
                                     used: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9))
            }
        }
        return entries
    }

    private func trim() {
        trimming.withLock { _ in
            var all = entries()
            var total = all.reduce(Int64(0)) { $0 + $1.size }
            guard total > maxBytes else { return }
            all.sort { $0.used < $1.used }
            for entry in all where total > maxBytes {
                unlink(entry.path)
                total -= entry.size
            }
        }
    }
}
