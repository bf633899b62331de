import AIProdCore
import AIProdStudio
import ArgumentParser
import Foundation

/// `aiprod plan script.txt`: the plan as JSON, fast, nothing rendered.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan a script (scenes, moods, keywords, sound cues, pacing) and print the plan as JSON.")

    @Argument(help: "The script (UTF-8 text, French or English; `# Title`, blank lines between scenes).")
    var script: String

    @OptionGroup var studio: StudioOptions

    func run() throws {
        do {
            let config = try ConfigFile(studio.config).studio()
            let text = try StudioOptions.readScript(script, config: config)
            let plan = try OfflinePlanner(config: config).plan(
                text, preset: try studio.resolvedPreset(), seed: studio.seed, targetDuration: try studio.targetDuration())
            print(String(decoding: try JSONCoding.encoder.encode(plan), as: UTF8.self))
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
