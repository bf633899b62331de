/// A path relative to the data folder, as a manifest or a job's result names it: checked before
/// it is joined to a folder, so neither a database row nor a hostile manifest can name a file
/// outside it.
enum RelativePath {
    /// Not empty, not absolute, no empty, `.` or `..` component, no NUL; at most 4096 bytes.
    static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count <= 4096, !path.hasPrefix("/"), !path.utf8.contains(0) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }
}
