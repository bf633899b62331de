import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The datagram socket that carries sd_notify messages to the service manager: the one owner
/// of its file descriptor, closed once when the last reference goes. `NOTIFY_SOCKET` is a path
/// (`/run/systemd/notify`) or, with a leading `@`, a Linux abstract-namespace name.
final class NotifySocket: Sendable {
    private let descriptor: Int32
    /// The `sockaddr_un` bytes to send to, and their length (`sun_path` past the name is unused:
    /// an abstract name's length is the address length, so it must not include padding).
    private let address: [UInt8]

    /// nil when `value` is not an address this protocol allows (empty, relative, too long) or no
    /// socket can be made.
    init?(_ value: String) {
        guard let address = Self.address(value) else { return nil }
        #if canImport(Darwin)
        let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #else
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #endif
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.address = address
    }

    deinit { close(descriptor) }

    /// Sends one datagram; false (with `errno` set) if the manager did not take it. Never waits
    /// (`MSG_DONTWAIT`): it is called from async code and the server's start-up callback, where a
    /// full socket buffer must cost a dropped notice, not a blocked thread.
    func send(_ message: String) -> Bool {
        let bytes = Array(message.utf8)
        return address.withUnsafeBytes { raw in
            bytes.withUnsafeBytes { payload in
                let sent = sendto(descriptor, payload.baseAddress, payload.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT),
                                  raw.baseAddress?.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
                return sent == payload.count
            }
        }
    }

    /// The `sockaddr_un` for `value`: an absolute path (NUL-terminated), or `@name` as an
    /// abstract address (a leading NUL, then the name, no terminator).
    static func address(_ value: String) -> [UInt8]? {
        let path: [UInt8]
        if value.hasPrefix("@") {
            path = [0] + Array(value.utf8.dropFirst())
            guard path.count > 1 else { return nil }
        } else if value.hasPrefix("/") {
            path = Array(value.utf8) + [0]
        } else {
            return nil
        }
        // An environment value holds no NUL, so the name cannot end early.
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        guard path.count <= MemoryLayout<sockaddr_un>.size - pathOffset else { return nil }
        var header = sockaddr_un()
        header.sun_family = sa_family_t(AF_UNIX)
        let bytes = withUnsafeBytes(of: header) { Array($0.prefix(pathOffset)) }
        return bytes + path
    }
}
