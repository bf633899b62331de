import ArgumentParser

/// Async at the root because `serve` is: the other commands stay synchronous.
@main
struct AIProd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aiprod",
        abstract: "Turn a script or a timeline into a finished, mastered video.",
        subcommands: [
            RenderCommand.self, PlanCommand.self, ProbeCommand.self, BenchCommand.self, ConfigCommand.self,
            ServeCommand.self, MigrateCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )
}
