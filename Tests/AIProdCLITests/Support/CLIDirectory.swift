import Foundation

/// A fresh directory per test, removed when the value is released.
final class CLIDirectory: @unchecked Sendable {
    let path: String

    init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = FileManager.default.temporaryDirectory.path + "/aiprod-cli-\(safe)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Names of the files in a subdirectory (hidden ones included: `.partial` files are hidden).
    func contents(of name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: file(name))) ?? []).sorted()
    }

    func makeDirectory(_ name: String) {
        try! FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to name: String) -> String {
        let path = file(name)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
