import ArgumentParser

@main
struct AIProd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aiprod",
        abstract: "Turn a script or a timeline into a finished, mastered video.",
        subcommands: [RenderCommand.self, PlanCommand.self, ProbeCommand.self, BenchCommand.self, ConfigCommand.self]
    )
}
