/// The kinds of audit rows (the seed's nine names, kept for whoever reads the log, and
/// `provider_call`).
public enum AuditType: String, Codable, Sendable, CaseIterable {
    case pipelineRun = "pipeline_run"
    case pipelineResult = "pipeline_result"
    case costEstimated = "cost_estimated"
    case authSuccess = "auth_success"
    case authFailure = "auth_failure"
    case configChange = "config_change"
    /// Downloads of a job's files.
    case dataAccess = "data_access"
    case error
    case securityAlert = "security_alert"
    /// A call to a remote provider: which, for which job and stage, how it ended, what it cost.
    case providerCall = "provider_call"
}
