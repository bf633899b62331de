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
}
