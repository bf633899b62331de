/// The aiprod.ini a test daemon runs with: loopback on a port the system picks, the test's data
/// folder, one worker, a 30 s lease with 1 s heartbeats, JSON logs at info. `queue` adds keys to
/// `[queue]`; `extra` adds sections after.
enum DaemonConfig {
    static func ini(data: String, queue: String = "", extra: String = "") -> String {
        """
        [server]
        listen = 127.0.0.1
        port = 0

        [storage]
        data_dir = \(data)

        [workers]
        count = 1

        [queue]
        lease_seconds = 30
        heartbeat_seconds = 1
        \(queue)

        [log]
        level = info
        format = json
        \(extra)
        """
    }
}
