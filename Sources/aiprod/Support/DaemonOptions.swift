import AIProdCore
import ArgumentParser
import Foundation

/// `--config FILE` for the daemon's commands (`serve`, `migrate`, `token`): the INI file, else
/// `$AIPROD_CONFIG`, else the built-in defaults; `AIPROD_<SECTION>_<KEY>` variables override
/// either way.
struct DaemonOptions: ParsableArguments {
    @Option(help: "The daemon's configuration file (see etc/aiprod.ini); default: $AIPROD_CONFIG, else built-in defaults.")
    var config: String?

    /// The effective configuration. A missing file or a bad key is bad input (exit 2), named.
    func load() throws -> ServiceConfig {
        let path = path(ProcessInfo.processInfo.environment)
        do {
            return try ServiceConfig.load(path: path, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ExitCodes.report(error, status: ExitCodes.badInput)
        }
    }

    /// The file ``load()`` reads (what a reload reads again): `--config`, else `$AIPROD_CONFIG`;
    /// nil for the built-in defaults.
    func path(_ environment: [String: String]) -> String? {
        config ?? environment["AIPROD_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
