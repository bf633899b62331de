import AIProdCore
import AIProdMedia
import ArgumentParser
import Foundation

/// `aiprod probe FILE`: container, streams, duration, size and loudness as JSON.
struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Print a media file's container, streams and loudness as JSON.")

    @Argument(help: "The media file.")
    var file: String

    @Flag(help: "Decode every frame: count frames and samples exactly and report damage.")
    var decode = false

    @Flag(name: .customLong("no-loudness"), help: "Skip the loudness measurement.")
    var noLoudness = false

    @Option(help: "The configuration file (see etc/aiprod.ini): its [limits] bound what is read.")
    var config: String?

    func run() throws {
        do {
            let limits = try ConfigFile(config).limits()
            let result = try MediaProbe(decode: decode, measureLoudness: !noLoudness, limits: limits.media).probe(file)
            print(String(decoding: try JSONCoding.encoder.encode(result), as: UTF8.self))
        } catch {
            throw ExitCodes.report(error)
        }
    }
}
