/// One page of a job listing, newest first. `next` is an opaque cursor for the following page;
/// nil on the last one.
public struct JobPage: Codable, Sendable {
    public var jobs: [JobRecord]
    public var next: String?

    public init(jobs: [JobRecord], next: String?) {
        self.jobs = jobs
        self.next = next
    }
}
