import AIProdCore
import AIProdMedia
import Foundation
import Synchronization

/// Shows render progress on stderr: a redrawn bar on a terminal, a plain line every 10 %
/// otherwise (logs, CI).
final class ProgressReporter: Sendable {
    private let interactive = isatty(STDERR_FILENO) == 1
    private let lastDecile = Mutex<Int>(-1)
    private let start = Date()

    func report(_ progress: RenderProgress) {
        let percent = Int(progress.fraction * 100)
        let elapsed = Date().timeIntervalSince(start)
        if interactive {
            let width = 30
            let filled = min(width, Int(progress.fraction * Double(width)))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let line = String(format: "\r%-10@ [%@] %3d%%  %lld/%lld frames  %.1fs",
                              progress.phase.rawValue, bar, percent, progress.framesDone, progress.totalFrames, elapsed)
            FileHandle.standardError.write(Data(line.utf8))
            if progress.phase == .finishing { FileHandle.standardError.write(Data("\n".utf8)) }
        } else {
            let decile = progress.phase == .rendering ? percent / 10 : -1
            let shouldPrint = lastDecile.withLock { last in
                if progress.phase != .rendering || decile > last {
                    if progress.phase == .rendering { last = decile }
                    return true
                }
                return false
            }
            guard shouldPrint else { return }
            let line = String(format: "%@ %d%% (%lld/%lld frames, %.1fs)\n",
                              progress.phase.rawValue, percent, progress.framesDone, progress.totalFrames, elapsed)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// A stage's progress (a script render): a redrawn percentage on a terminal, a line every
    /// 10 % otherwise.
    func report(_ progress: JobProgress) {
        let percent = Int(progress.fraction * 100)
        let elapsed = Date().timeIntervalSince(start)
        if interactive {
            FileHandle.standardError.write(Data(String(format: "\r%-8@ %3d%%  %.1fs", progress.stage.rawValue, percent, elapsed).utf8))
            if progress.fraction >= 1 { FileHandle.standardError.write(Data("\n".utf8)) }
            return
        }
        let decile = percent / 10
        let shouldPrint = lastDecile.withLock { last in
            guard decile > last else { return false }
            last = decile
            return true
        }
        if shouldPrint {
            FileHandle.standardError.write(Data(String(format: "%@ %d%% (%.1fs)\n", progress.stage.rawValue, percent, elapsed).utf8))
        }
    }
}
