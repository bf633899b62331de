import Foundation

/// Turns a timeline's file references into paths: absolute paths stay, relative ones are read
/// from the timeline's own directory, so a timeline and its media move together.
public struct AssetResolver: Sendable, Hashable {
    public let baseDirectory: String

    public init(baseDirectory: String) {
        self.baseDirectory = baseDirectory
    }

    public func path(_ file: String) -> String {
        if file.hasPrefix("/") { return file }
        return URL(fileURLWithPath: baseDirectory).appendingPathComponent(file).standardizedFileURL.path
    }
}
