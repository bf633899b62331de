/// A single `Range: bytes=…` request resolved against a file's size. Several ranges at once
/// (multipart/byteranges) are not served: the whole file is, as RFC 9110 allows.
enum ByteRange: Equatable, Sendable {
    /// No usable Range header: send everything.
    case whole
    /// Send these bytes (inclusive bounds) as 206.
    case partial(ClosedRange<Int64>)
    /// Nothing of the file is in the range: 416.
    case unsatisfiable

    init(header: String?, size: Int64) {
        guard let header else { self = .whole; return }
        let trimmed = header.trimmingPrefix(while: { $0 == " " })
        guard trimmed.lowercased().hasPrefix("bytes=") else { self = .whole; return }
        let spec = trimmed.dropFirst(6)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let first = spec[..<dash].trimmingPrefix(while: { $0 == " " })
        let last = spec[spec.index(after: dash)...]
        switch (Int64(first), Int64(last)) {
        case (let start?, let end?) where start >= 0 && start <= end:
            guard start < size else { self = .unsatisfiable; return }
            self = .partial(start...min(end, size - 1))
        case (let start?, nil) where last.isEmpty && start >= 0:
            guard start < size else { self = .unsatisfiable; return }
            self = .partial(start...(size - 1))
        case (nil, let suffix?) where first.isEmpty && suffix >= 0:
            guard suffix > 0, size > 0 else { self = .unsatisfiable; return }
            self = .partial(max(0, size - suffix)...(size - 1))
        default:
            // A syntactically invalid range is ignored (RFC 9110 §14.2).
            self = .whole
        }
    }
}
