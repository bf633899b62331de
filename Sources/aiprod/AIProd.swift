import ArgumentParser

/// Async at the root because `serve` is: the other commands stay synchronous.
@main
struct AIProd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aiprod",
        abstract: "Turn a script or a timeline into a finished, mastered video.",
        discussion: """
            aiprod serve runs the daemon (HTTP API, job queue, workers) on the INI file; the other \
            commands render, plan and probe on this machine, manage tokens and the database, and \
            measure. The package installs the daemon as the systemd unit aiprod.service.
            """,
        version: AIProdVersion.current,
        subcommands: [
            RenderCommand.self, PlanCommand.self, ProbeCommand.self, BenchCommand.self, ConfigCommand.self,
            ServeCommand.self, MigrateCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self,
        ]
    )
}
