import ArgumentParser

/// `aiprod bench …`: reproducible measurements (see docs/BENCHMARKS.md).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (see docs/BENCHMARKS.md).",
        subcommands: [BenchRenderCommand.self, BenchStagesCommand.self, BenchQueueCommand.self])
}
