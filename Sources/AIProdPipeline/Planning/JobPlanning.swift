import AIProdCore

/// The plan a job would get, without synthesising anything: what `POST /pipeline/plan` and a
/// cost estimate need. The server holds one of these and never imports the studio.
public protocol JobPlanning: Sendable {
    func dryRun(_ spec: JobSpec) throws(PipelineError) -> Plan
}
