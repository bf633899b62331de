import AIProdCore
import Foundation

/// Turns a timeline's file references into paths, confined to the timeline's own directory so
/// a timeline and its media move together, and a timeline from outside (an upload, a job)
/// cannot make aiprod read anything else: an absolute path, `..` or a symlink that leads out of
/// the directory is refused, naming the JSON field. Carries the ``MediaLimits`` every file
/// it resolves is opened with.
public struct AssetResolver: Sendable, Hashable {
    /// How far outside its directory a timeline may reach.
    public enum Reach: Sendable, Hashable {
        /// Only inside the base directory (and the extra roots): what a server always uses.
        case confined
        /// Anywhere: the CLI's user said so (`aiprod render --allow-outside-paths`).
        case anywhere
    }

    public let baseDirectory: String
    public let limits: MediaLimits
    /// Directories besides the base whose files a timeline may name: ones a user gave
    /// explicitly (a script render's `--assets` folder and watermark).
    public let extraRoots: [String]
    public let reach: Reach

    public init(baseDirectory: String, limits: MediaLimits = MediaLimits(), extraRoots: [String] = [], reach: Reach = .confined) {
        self.baseDirectory = baseDirectory
        self.limits = limits
        self.extraRoots = extraRoots
        self.reach = reach
    }

    /// The path of `file` as named by the JSON field `field`; throws `path_not_allowed` when it
    /// leads out of the allowed directories.
    public func path(_ file: String, field: String) throws(MediaError) -> String {
        let base = URL(fileURLWithPath: baseDirectory).standardizedFileURL
        let candidate = file.hasPrefix("/") ? URL(fileURLWithPath: file) : base.appendingPathComponent(file)
        let lexical = candidate.standardizedFileURL.path
        guard reach == .confined else { return lexical }
        let roots = ([baseDirectory] + extraRoots).map { URL(fileURLWithPath: $0).standardizedFileURL }
        let lexicalRoots = roots.map(\.path)
        let realRoots = roots.compactMap { Self.realPath($0.path) }
        let refused = MediaError(.pathNotAllowed, file: file,
                                 "\(field): leads outside the timeline's folder \(base.path) (absolute paths, \"..\" and symlinks out of it are refused; name files relative to the timeline, or let the command line allow them with --allow-outside-paths)")
        // Named outside: refused whether or not such a file exists.
        guard Self.isInside(lexical, lexicalRoots) || Self.isInside(lexical, realRoots) else { throw refused }
        // Symlinks resolved by the C library (realpath(3)), not by Foundation: that one gives up
        // on long paths and missing parts and then returns the path unresolved, links and all.
        guard let real = Self.realPath(lexical) else {
            throw MediaError(.fileNotFound, file: lexical, "\(field): file not found")
        }
        guard Self.isInside(real, realRoots) else { throw refused }
        return lexical
    }

    /// Every symlink and `..` resolved by the C library, or nil when the path does not exist.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func isInside(_ path: String, _ roots: [String]) -> Bool {
        roots.contains { root in
            root == "/" || path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
        }
    }
}
