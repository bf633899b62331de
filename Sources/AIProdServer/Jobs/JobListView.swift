/// A page of jobs; `next` is the cursor for the following page, absent on the last.
struct JobListView: Encodable, Sendable {
    var jobs: [JobView]
    var next: String?
}
