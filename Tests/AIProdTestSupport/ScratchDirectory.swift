import Foundation

/// A fresh directory per test, removed when the value is released.
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String

    public init(_ name: String = #function) {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        path = FileManager.default.temporaryDirectory.path + "/aiprod-test-\(safe)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    public func file(_ name: String) -> String { "\(path)/\(name)" }

    /// Names of the files in the directory, hidden ones included (`.partial` files are hidden),
    /// to prove nothing was left behind.
    public var contents: [String] { contents(of: ".") }

    /// Names of the files in a subdirectory.
    public func contents(of name: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: file(name))) ?? []).sorted()
    }

    public func makeDirectory(_ name: String) {
        try! FileManager.default.createDirectory(atPath: file(name), withIntermediateDirectories: true)
    }

    @discardableResult
    public func write(_ text: String, to name: String) -> String {
        let path = file(name)
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
