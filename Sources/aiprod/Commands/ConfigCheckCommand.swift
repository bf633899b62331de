import AIProdCore
import ArgumentParser
import Foundation

/// `aiprod config check FILE`: reads the file as `aiprod serve` would (strictly, with the
/// `AIPROD_…` overrides of this environment) and prints the effective configuration, secrets
/// redacted. Exit 0 when the daemon would accept it; 2 with `FILE:LINE: [section] key: message`
/// (or the variable's name) when not, so a deploy can check a file before restarting.
struct ConfigCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a configuration file and print the effective configuration (secrets redacted).")

    @Argument(help: "The configuration file (see etc/aiprod.ini).")
    var file: String

    @Flag(help: "Print nothing when the file is valid.")
    var quiet = false

    func run() throws {
        let config: ServiceConfig
        do {
            config = try ServiceConfig.load(path: file, environment: ProcessInfo.processInfo.environment)
        } catch {
            FileHandle.standardError.write(Data("error: \(error.errorCode): \(error.description)\n".utf8))
            throw ExitCode(ExitCodes.badInput)
        }
        guard !quiet else { return }
        print("; \(file): valid. The effective configuration: defaults, the file, AIPROD_ variables; secrets redacted.")
        print(config.renderedINI(redacting: true), terminator: "")
    }
}
