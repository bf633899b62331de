import ArgumentParser

/// `aiprod token create|list|revoke`: the API's bearer tokens, managed on the daemon's host
/// (the first admin token has to come from somewhere).
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the API's bearer tokens.",
        subcommands: [TokenCreateCommand.self, TokenListCommand.self, TokenRevokeCommand.self]
    )
}
