import AIProdCore

/// The Prometheus text exposition of the basic counters and gauges (the full set comes with
/// packaging): requests answered by status, jobs by state, queue depth, workers.
enum MetricsText {
    static func render(requests: [Int: Int], jobs: [JobState: Int], workers: Int) -> String {
        var lines: [String] = []
        lines.append("# HELP aiprod_http_requests_total HTTP requests answered, by status code.")
        lines.append("# TYPE aiprod_http_requests_total counter")
        for (status, count) in requests.sorted(by: { $0.key < $1.key }) {
            lines.append("aiprod_http_requests_total{status=\"\(status)\"} \(count)")
        }
        lines.append("# HELP aiprod_jobs Jobs in the store, by state.")
        lines.append("# TYPE aiprod_jobs gauge")
        for state in JobState.allCases {
            lines.append("aiprod_jobs{state=\"\(state.rawValue)\"} \(jobs[state] ?? 0)")
        }
        lines.append("# HELP aiprod_queue_depth Jobs waiting for a worker.")
        lines.append("# TYPE aiprod_queue_depth gauge")
        lines.append("aiprod_queue_depth \(jobs[.queued] ?? 0)")
        lines.append("# HELP aiprod_workers Worker threads configured.")
        lines.append("# TYPE aiprod_workers gauge")
        lines.append("aiprod_workers \(workers)")
        return lines.joined(separator: "\n") + "\n"
    }
}
