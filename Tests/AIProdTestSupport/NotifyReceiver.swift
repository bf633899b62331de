import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// systemd's side of sd_notify in a test: a datagram socket bound at a path (or, with `@`, an
/// abstract name), set as `NOTIFY_SOCKET` for the code under test. Datagrams are read without
/// blocking, and waits sleep the task, never a thread.
public final class NotifyReceiver: Sendable {
    /// What to put in `NOTIFY_SOCKET`.
    public let address: String
    private let descriptor: Int32
    private let received = Mutex<[String]>([])

    /// Binds a socket at `address` (`/path` or `@name`); a path is removed first and on release.
    public init(address: String) throws {
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.system("socket", errno) }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        let name: [UInt8] = address.hasPrefix("@") ? [0] + Array(address.utf8.dropFirst()) : Array(address.utf8) + [0]
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)!
        guard name.count <= MemoryLayout<sockaddr_un>.size - pathOffset else {
            close(descriptor)
            throw Failure.tooLong(address)
        }
        withUnsafeMutableBytes(of: &storage) { raw in
            for (index, byte) in name.enumerated() { raw[pathOffset + index] = byte }
        }
        if !address.hasPrefix("@") { unlink(address) }
        let length = socklen_t(pathOffset + name.count)
        let bound = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw Failure.system("bind", code)
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        self.address = address
    }

    deinit {
        close(descriptor)
        if !address.hasPrefix("@") { unlink(address) }
    }

    public enum Failure: Error, CustomStringConvertible {
        case system(String, Int32)
        case tooLong(String)
        public var description: String {
            switch self {
            case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
            case .tooLong(let address): "\(address) is too long for a unix socket address"
            }
        }
    }

    /// Every datagram received so far, in order (reads what is waiting first).
    public var messages: [String] {
        drain()
        return received.withLock { $0 }
    }

    /// Waits until `done` holds for the messages so far, or `timeout` passes; returns them.
    @discardableResult
    public func wait(timeout: Duration = .seconds(240), until done: ([String]) -> Bool) async -> [String] {
        let deadline = ContinuousClock.now + timeout
        var seen = messages
        while !done(seen), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
            seen = messages
        }
        return seen
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            let text = String(decoding: buffer[..<count], as: UTF8.self)
            received.withLock { $0.append(text) }
        }
    }
}
