import AIProdStore

/// Told once a job reaches a terminal state in a worker (succeeded, dead, canceled): the
/// webhook sender in the daemon. Runs apart from the workers, so a slow receiver never holds
/// a render back; a delivery still in flight at shutdown is dropped (its attempts so far are
/// recorded by the sender).
public protocol JobEndNotifier: Sendable {
    func jobEnded(_ job: JobRecord) async
}

/// No webhooks: the CLI's tests and a pool run without a sender.
public struct NoJobEndNotifier: JobEndNotifier {
    public init() {}
    public func jobEnded(_ job: JobRecord) async {}
}
