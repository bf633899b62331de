import AIProdCore
import AIProdMedia
import ArgumentParser
import Foundation

/// `aiprod bench render`: renders R1 in-process several times; prints each run's wall time,
/// realtime factor and the process's peak resident memory.
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render the reference timeline R1 (docs/BENCHMARKS.md) and report speed and peak memory.")

    @Option(help: "Where R1's media, timeline and outputs go (made if missing).")
    var dir = FileManager.default.temporaryDirectory.path + "/aiprod-bench-r1"

    @Option(help: "Renders to time.")
    var runs = 3

    @Option(help: "Output height (the width follows 16:9): 720 or 1080.")
    var height = 720

    @Flag(help: "Only write R1's media and timeline.")
    var prepareOnly = false

    func run() throws {
        do {
            var reference = ReferenceTimeline(directory: dir)
            reference.height = height
            reference.width = height * 16 / 9
            try reference.prepare()
            print("R1 prepared in \(dir) (\(reference.width)x\(reference.height))")
            if prepareOnly { return }
            let (timeline, resolver) = try TimelineLoader.load(reference.timelinePath)
            let duration = TimelineSchedule(timeline).duration.doubleValue
            var times: [Double] = []
            for run in 1...max(runs, 1) {
                let start = Date()
                _ = try TimelineRenderer(timeline: timeline, resolver: resolver).render(to: "\(dir)/aiprod-r1.mp4")
                let seconds = Date().timeIntervalSince(start)
                times.append(seconds)
                print(String(format: "run %d: %.2f s wall, %.2fx realtime, peak RSS so far %.0f MB",
                             run, seconds, duration / seconds, Self.peakResidentMegabytes()))
            }
            let median = times.sorted()[times.count / 2]
            print(String(format: "median: %.2f s for %.0f s of video = %.2fx realtime; peak RSS %.0f MB",
                         median, duration, duration / median, Self.peakResidentMegabytes()))
        } catch {
            throw ExitCodes.report(error)
        }
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
