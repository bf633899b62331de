import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `NAME.tags` file next to an asset (`forest-01.jpg.tags`, or `forest-01.tags` beside
/// `forest-01.jpg`): words the asset can be matched by besides those of its name, separated by
/// commas or whitespace ("lighthouse, storm sea").
///
/// It is written by a person but read like any outside input: a regular file of at most
/// ``maxBytes`` bytes, UTF-8 text without control characters, read through a bounded read (a
/// FIFO or a device named `.tags` is refused before it is opened, so nothing blocks). A bad
/// sidecar is an error naming it, as a stray file among the assets is: the user meant those
/// words to count.
enum AssetTagsSidecar {
    static let fileExtension = "tags"
    static let maxBytes = 4096
    /// Tags kept from one sidecar, and the longest tag (in characters).
    static let maxTags = 256
    static let maxTagLength = 64

    /// Whether `name` is a sidecar (not an asset).
    static func isSidecar(_ name: String) -> Bool {
        (name as NSString).pathExtension.lowercased() == fileExtension
    }

    /// The sidecars `name` in `directory` can have, in the order they are read.
    static func candidates(for name: String, in directory: String) -> [String] {
        let stem = (name as NSString).deletingPathExtension
        return ["\(directory)/\(name).\(fileExtension)", "\(directory)/\(stem).\(fileExtension)"]
    }

    /// The tags of every sidecar of `name` that exists (none: []).
    static func tags(for name: String, in directory: String) throws(StudioError) -> [String] {
        var found: [String] = []
        for path in candidates(for: name, in: directory) {
            guard let contents = try text(at: path) else { continue }
            for tag in words(in: contents) where !found.contains(tag) && found.count < maxTags {
                found.append(tag)
            }
        }
        return found
    }

    /// Lower-cased words of letters or digits, at least 2 characters, at most ``maxTagLength``.
    static func words(in text: String) -> [String] {
        let pieces: [Substring] = text.lowercased().split(whereSeparator: { (character: Character) -> Bool in
            !(character.isLetter || character.isNumber)
        })
        return pieces.filter { $0.count >= 2 && $0.count <= maxTagLength && $0.contains(where: \.isLetter) }.map(String.init)
    }

    /// The sidecar's text; nil when there is no such file.
    static func text(at path: String) throws(StudioError) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw StudioError(.invalidAsset, "tags file \(path) cannot be read: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw StudioError(.invalidAsset, "tags file \(path) is not a regular file")
        }
        guard status.st_size <= maxBytes else {
            throw StudioError(.invalidAsset, "tags file \(path) is \(status.st_size) bytes, over the \(maxBytes)-byte limit")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw StudioError(.invalidAsset, "tags file \(path) cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // One byte more than allowed: a file that grew since stat is still caught.
        var bytes = [UInt8](repeating: 0, count: maxBytes + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else {
                throw StudioError(.invalidAsset, "tags file \(path) cannot be read: \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
        }
        guard count <= maxBytes else {
            throw StudioError(.invalidAsset, "tags file \(path) is over the \(maxBytes)-byte limit")
        }
        guard let text = String(validating: bytes[..<count], as: UTF8.self) else {
            throw StudioError(.invalidAsset, "tags file \(path) is not UTF-8 text")
        }
        let allowed: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        guard !text.unicodeScalars.contains(where: { ($0.properties.generalCategory == .control && !allowed.contains($0)) }) else {
            throw StudioError(.invalidAsset, "tags file \(path) holds control characters: it is not a list of words")
        }
        return text
    }
}
