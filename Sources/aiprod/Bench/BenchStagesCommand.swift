import AIProdCore
import AIProdMedia
import AIProdStudio
import ArgumentParser
import Foundation

/// `aiprod bench stages`: times the offline studio's generators in-process, several runs each,
/// medians: planning a 60 s script, narrating it (espeak-ng), composing 60 s of music (fluidsynth).
struct BenchStagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages",
        abstract: "Time the planner, the narrator and the composer (docs/BENCHMARKS.md).")

    @Option(help: "Runs per stage.")
    var runs = 5

    @Option(help: "Where the generated audio goes.")
    var dir = FileManager.default.temporaryDirectory.path + "/aiprod-bench-stages"

    /// About 60 s of speech at 165 words per minute.
    static let script = """
    # A Morning at the Harbour

    The sun rises slowly over the quiet harbour. Fishing boats rock gently on the calm sea, and the first birds sing from the rooftops. Everything feels peaceful, as if the whole town were still holding its breath before the day begins.

    By nine o'clock the market square is full. A cheerful crowd gathers around the stalls, children laugh and play between the baskets, and somewhere a street musician starts a joyful tune that everyone seems to know.

    Suddenly the sky turns dark. Thunder rolls across the bay and heavy rain hammers the old stone streets. People run for shelter under the arches, their footsteps echoing in the empty lanes while the wind howls.

    Then the storm passes. The church bell rings at noon, the clouds open, and golden light returns to the water. The town breathes again, stronger than before, ready for a triumphant afternoon by the sea.
    """

    func run() throws {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let config = StudioConfig()
            let planner = OfflinePlanner(config: config)
            let plans = try Self.time(runs) { () throws(StudioError) in
                try planner.plan(Self.script, preset: .web720p, seed: 1, targetDuration: nil)
            }
            let plan = plans.value
            let words = plan.scenes.reduce(0) { $0 + $1.wordCount }
            print(String(format: "plan: %d words, %d scenes, %.0f s planned: median %.2f ms (runs: %@)",
                         words, plan.scenes.count, plan.estimatedDuration.doubleValue, plans.median * 1000, Self.list(plans.all, scale: 1000, unit: "ms")))

            let narrator = EspeakNarrator(config: config)
            let text = plan.scenes.map(\.text).joined(separator: " ")
            let narrations = try Self.time(runs) { () throws(StudioError) in
                try narrator.narrate(text, language: plan.language, to: "\(dir)/narration.wav")
            }
            let speech = narrations.value.duration.doubleValue
            print(String(format: "narrate: %.1f s of speech: median %.1f ms = %.0fx realtime (runs: %@)",
                         speech, narrations.median * 1000, speech / narrations.median, Self.list(narrations.all, scale: 1000, unit: "ms")))

            let composer = try FluidSynthComposer(config: config)
            let music = try Self.time(runs) { () throws(StudioError) in
                try composer.compose(mood: .uplifting, duration: Rational(60), seed: 1, to: "\(dir)/music.wav")
            }
            print(String(format: "compose: 60 s of music: median %.1f ms = %.0fx realtime (runs: %@)",
                         music.median * 1000, 60 / music.median, Self.list(music.all, scale: 1000, unit: "ms")))
        } catch {
            throw ExitCodes.report(error)
        }
    }

    static func time<T>(_ runs: Int, _ body: () throws(StudioError) -> T) throws(StudioError) -> (value: T, median: Double, all: [Double]) {
        var all: [Double] = []
        var value: T?
        for _ in 0..<max(runs, 1) {
            let start = DispatchTime.now().uptimeNanoseconds
            value = try body()
            all.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return (value!, all.sorted()[all.count / 2], all)
    }

    static func list(_ values: [Double], scale: Double, unit: String) -> String {
        values.map { String(format: "%.1f", $0 * scale) }.joined(separator: ", ") + " " + unit
    }
}
