/// The QA gate's verdict on a render, written beside it as `qa.json`.
public struct QAReport: Codable, Sendable, Hashable {
    public var file: String
    public var passed: Bool
    public var checks: [QACheck]

    public init(file: String, checks: [QACheck]) {
        self.file = file
        self.checks = checks
        passed = checks.allSatisfy(\.passed)
    }

    /// Names of the checks that failed.
    public var failures: [String] { checks.filter { !$0.passed }.map(\.name) }
}
