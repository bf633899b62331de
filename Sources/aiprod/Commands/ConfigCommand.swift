import ArgumentParser

/// `aiprod config …`: the configuration file, outside the daemon.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check a configuration file.",
        subcommands: [ConfigCheckCommand.self]
    )
}
