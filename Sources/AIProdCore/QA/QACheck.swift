/// One quality check of a rendered video: what was measured, what was expected, and the verdict.
public struct QACheck: Codable, Sendable, Hashable {
    public var name: String
    public var passed: Bool
    public var measured: String
    public var expected: String

    public init(name: String, passed: Bool, measured: String, expected: String) {
        self.name = name
        self.passed = passed
        self.measured = measured
        self.expected = expected
    }
}
