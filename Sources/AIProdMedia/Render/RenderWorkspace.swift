import Foundation

/// A private temporary directory for one render's side files (text for drawtext, the ASS
/// subtitles); removed when the render ends, however it ends.
final class RenderWorkspace {
    let path: String

    init() throws(MediaError) {
        let base = FileManager.default.temporaryDirectory.path
        let path = "\(base)/aiprod-render-\(UUID().uuidString.prefix(8).lowercased())"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw MediaError(.writeFailed, file: path, "cannot create a temporary directory: \(error.localizedDescription)")
        }
        self.path = path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` as UTF-8 to a file in the workspace; returns its path.
    func write(_ text: String, named name: String) throws(MediaError) -> String {
        let file = "\(path)/\(name)"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        } catch {
            throw MediaError(.writeFailed, file: file, error.localizedDescription)
        }
        return file
    }
}
