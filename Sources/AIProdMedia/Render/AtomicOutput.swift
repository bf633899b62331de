import Foundation

/// A destination written through a temporary file in the same directory and renamed into place
/// when complete, so readers never see half a file and failures leave nothing behind.
public struct AtomicOutput: Sendable {
    public let destination: String
    public let temporaryPath: String

    public init(destination: String) {
        self.destination = destination
        let url = URL(fileURLWithPath: destination)
        let directory = url.deletingLastPathComponent().path
        temporaryPath = "\(directory)/.\(url.lastPathComponent).\(UUID().uuidString.prefix(8).lowercased()).partial"
    }

    public func commit() throws(MediaError) {
        guard rename(temporaryPath, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw MediaError(.writeFailed, file: destination, "cannot move the finished file into place: \(reason)")
        }
    }

    public func discard() { unlink(temporaryPath) }

    /// Writes `data` atomically.
    public static func write(_ text: String, to destination: String) throws(MediaError) {
        try write(Data(text.utf8), to: destination)
    }

    public static func write(_ data: Data, to destination: String) throws(MediaError) {
        let output = AtomicOutput(destination: destination)
        do {
            try data.write(to: URL(fileURLWithPath: output.temporaryPath))
        } catch {
            output.discard()
            throw MediaError(.writeFailed, file: destination, error.localizedDescription)
        }
        try output.commit()
    }
}
