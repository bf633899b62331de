import AIProdCore
import Foundation
import GRDB

/// The one error the store throws. Callers map it like every other ``CategorizedError``: the
/// caller's codes become 4xx answers, `database` and `disk` 5xx; SQLite's own errors never reach
/// a client as they are (they may name tables and columns).
public struct StoreError: CategorizedError, Hashable {
    /// Stable codes, snake_case, as clients see them.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The job, token or asset does not exist.
        public static let notFound = Code(rawValue: "not_found")
        /// The request contradicts the record's state: an illegal transition, a second result,
        /// a lease another worker holds.
        public static let conflict = Code(rawValue: "conflict")
        /// A value the store cannot take (an asset id that is not 64 lowercase hex digits…).
        public static let invalidValue = Code(rawValue: "invalid_value")
        /// SQLite failed: ours, retried by the queue.
        public static let database = Code(rawValue: "database")
        /// The disk is full (SQLITE_FULL, ENOSPC).
        public static let disk = Code(rawValue: "disk")
        /// The month's spend would pass `[budget]`.
        public static let budgetExceeded = Code(rawValue: "budget_exceeded")
        /// A backup that cannot be restored: its manifest, a hash, the database's integrity or
        /// its schema does not check out. Nothing was swapped.
        public static let invalidBackup = Code(rawValue: "invalid_backup")
    }

    public var code: Code
    public var message: String
    public var field: String?

    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
    }

    public var errorCode: String { code.rawValue }
    public var errorMessage: String { message }
    public var errorField: String? { field }

    /// Only what SQLite or the file system did wrong is ours.
    public var category: ErrorCategory {
        switch code {
        case .database, .disk: .server
        default: .caller
        }
    }

    public static func notFound(_ what: String, _ id: String) -> StoreError {
        StoreError(.notFound, "No \(what) with id \(id).")
    }

    public static func conflict(_ message: String) -> StoreError {
        StoreError(.conflict, message)
    }

    public static func invalidValue(_ message: String, field: String? = nil) -> StoreError {
        StoreError(.invalidValue, message, field: field)
    }

    public static func budgetExceeded(_ message: String) -> StoreError {
        StoreError(.budgetExceeded, message)
    }

    /// Any error out of a GRDB call, kept as ours (`database`) except a full disk (`disk`), so the
    /// queue retries it and the API answers 5xx (507 for the disk, if the server likes).
    public init(wrapping error: any Error) {
        if let error = error as? StoreError {
            self = error
        } else if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_FULL {
                self.init(.disk, "The disk is full: the database could not be written.")
            } else {
                self.init(.database, "Database error: \(error.message ?? error.resultCode.description).")
            }
        } else if let error = error as? DecodingError {
            self.init(.database, "A stored record could not be decoded: \(error).")
        } else {
            self.init(.database, "Database error: \(error).")
        }
    }

    /// A POSIX error from the asset folder; ENOSPC is a full disk.
    static func posix(_ code: Int32, _ operation: String, path: String) -> StoreError {
        if code == ENOSPC || code == EDQUOT {
            return StoreError(.disk, "The disk is full: \(operation) failed.")
        }
        return StoreError(.database, "\(operation) failed: \(String(cString: strerror(code))).")
    }
}

/// The message, as `aiprod` prints it after `error: <code>:` and the logs show it (never the
/// struct's fields).
extension StoreError: CustomStringConvertible {
    public var description: String { message }
}
