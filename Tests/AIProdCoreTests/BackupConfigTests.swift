import AIProdCore
import Foundation
import Testing

@Suite("[backup]: the folder, retention and the daemon's schedule")
struct BackupConfigTests {
    func parse(_ text: String) throws(ConfigError) -> ServiceConfig {
        try ServiceConfig.parse(text, file: "test.ini", environment: [:])
    }

    @Test("defaults: <data_dir>/backups, keep 7, no daily backup, 03:00")
    func defaults() throws {
        let config = try parse("[storage]\ndata_dir = /srv/aiprod/\n")
        #expect(config.backup.directory == "/srv/aiprod/backups")
        #expect(config.backup.keep == 7)
        #expect(config.backup.daily == false)
        #expect(config.backup.schedule == .dailyAt(hour: 3, minute: 0))
        #expect(try parse("").backup.directory == "/var/lib/aiprod/backups")
    }

    @Test("every key parses, and reads back as written")
    func keys() throws {
        let config = try parse("[backup]\ndir = /mnt/off-site\nkeep = 0\ndaily = yes\nat = 6h\n")
        #expect(config.backup.directory == "/mnt/off-site")
        #expect(config.backup.keep == 0)
        #expect(config.backup.daily)
        #expect(config.backup.schedule == .every(seconds: 21_600))
        #expect(config.backup.entries.map(\.value.description) == ["/mnt/off-site", "0", "true", "6h"])
        #expect(try parse("[backup]\nat = 23:59").backup.schedule == .dailyAt(hour: 23, minute: 59))
    }

    @Test("bad values name the key and line", arguments: [
        "at = 24:00", "at = 7:5", "at = 12:60", "at = -5m", "at = 0s", "at = 8d", "at = 99999999999999999999h", "at = soon", "at =x",
        "keep = -1", "keep = many", "daily = sometimes",
    ])
    func badValues(_ line: String) {
        #expect { try parse("[backup]\n\(line)\n") } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.section == "backup" && error.line == 2 && error.file == "test.ini"
        }
    }

    @Test("the schedule's next run: the next local HH:MM, or an interval on")
    func nextRun() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
        // 2026-11-30 10:00 in Paris (09:00 UTC).
        let now = try #require(calendar.date(from: DateComponents(year: 2026, month: 11, day: 30, hour: 10, minute: 0)))
        let later = BackupSchedule.dailyAt(hour: 14, minute: 30).nextRun(after: now, calendar: calendar)
        #expect(later.timeIntervalSince(now) == 4.5 * 3_600)
        let tomorrow = BackupSchedule.dailyAt(hour: 3, minute: 0).nextRun(after: now, calendar: calendar)
        #expect(tomorrow.timeIntervalSince(now) == 17 * 3_600)
        #expect(BackupSchedule.dailyAt(hour: 10, minute: 0).nextRun(after: now, calendar: calendar).timeIntervalSince(now) == 86_400)
        #expect(BackupSchedule.every(seconds: 90).nextRun(after: now, calendar: calendar) == now.addingTimeInterval(90))
        #expect(BackupSchedule("90s") == .every(seconds: 90))
        #expect(BackupSchedule("90s")?.description == "90s")
        #expect(BackupSchedule("120s")?.description == "2m")
        #expect(BackupSchedule("1d")?.description == "1d")
        #expect(BackupSchedule("07:05")?.description == "07:05")
    }
}
