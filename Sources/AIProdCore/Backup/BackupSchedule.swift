import Foundation

/// When the daemon takes its own backups (`[backup] at`): every day at a local time of day, or
/// at a fixed interval from the daemon's start (for a busy studio, or a test that cannot wait a
/// day).
public enum BackupSchedule: Sendable, Hashable, CustomStringConvertible {
    /// Every day at `hour:minute`, the machine's local time.
    case dailyAt(hour: Int, minute: Int)
    /// Every so many seconds, the first one an interval after the start.
    case every(seconds: Int)

    /// The shortest interval (a test's); a backup hashes every asset, so a studio wants hours.
    public static let minimumInterval = 1
    /// The longest interval: a week.
    public static let maximumInterval = 7 * 86_400

    /// `HH:MM`, or a whole number with a unit `s`, `m`, `h` or `d`; nil for anything else.
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0...23).contains(hour), (0...59).contains(minute) else { return nil }
            self = .dailyAt(hour: hour, minute: minute)
            return
        }
        guard let unit = text.last, let scale = ["s": 1, "m": 60, "h": 3_600, "d": 86_400][String(unit)],
              let count = Int(text.dropLast()), count > 0 else { return nil }
        let (seconds, overflow) = count.multipliedReportingOverflow(by: scale)
        guard !overflow, (Self.minimumInterval...Self.maximumInterval).contains(seconds) else { return nil }
        self = .every(seconds: seconds)
    }

    /// How it is written in the INI file.
    public var description: String {
        switch self {
        case .dailyAt(let hour, let minute):
            (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        case .every(let seconds):
            if seconds % 86_400 == 0 { "\(seconds / 86_400)d" }
            else if seconds % 3_600 == 0 { "\(seconds / 3_600)h" }
            else if seconds % 60 == 0 { "\(seconds / 60)m" }
            else { "\(seconds)s" }
        }
    }

    /// The next backup strictly after `date`: the next `hour:minute` in `calendar`'s time zone
    /// (skipping a day when a clock change removed that time), or `date` plus the interval.
    public func nextRun(after date: Date, calendar: Calendar = .current) -> Date {
        switch self {
        case .every(let seconds):
            return date.addingTimeInterval(TimeInterval(seconds))
        case .dailyAt(let hour, let minute):
            let wanted = DateComponents(hour: hour, minute: minute, second: 0)
            return calendar.nextDate(after: date, matching: wanted, matchingPolicy: .nextTime)
                ?? date.addingTimeInterval(86_400)
        }
    }
}
