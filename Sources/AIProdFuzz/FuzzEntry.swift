import Foundation

#if AIPROD_FUZZ
/// libFuzzer's entry point: one input to the target `AIPROD_FUZZ_TARGET` names.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let target = FuzzTarget.selected else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("AIPROD_FUZZ_TARGET must be one of: \(names)\n".utf8))
        exit(2)
    }
    target.run(Data(bytes: data, count: size))
    return 0
}
#else
/// Without `-D AIPROD_FUZZ` (a plain `swift build`) the target writes the seed corpora
/// instead: `AIProdFuzz DIR` fills `DIR/<target>/` for each fuzz target.
@main
enum SeedCorpusCommand {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count == 1, let root = arguments.first else {
            FileHandle.standardError.write(Data("usage: AIProdFuzz CORPUS_DIR   (run from the repository's root)\n".utf8))
            exit(2)
        }
        do {
            let counts = try SeedCorpus(root: URL(fileURLWithPath: root)).write()
            for (target, count) in counts { print("\(target.rawValue): \(count) seeds") }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }
}
#endif
