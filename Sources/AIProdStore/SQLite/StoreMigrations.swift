import GRDB

/// The schema, as GRDB migrations applied in order on every start and by `aiprod migrate`.
/// Append new migrations; never edit one that shipped (a database remembers which it ran).
/// Dates are REAL unix seconds; JSON columns hold the Core values as `JSONCoding` writes them.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-jobs-and-queue") { db in
            // The queue is the jobs table itself: state, priority, run_at and the lease. A claim
            // then changes one row, and a job can't be in the queue without existing.
            try db.execute(sql: """
                CREATE TABLE jobs (
                    id TEXT PRIMARY KEY NOT NULL,
                    spec TEXT NOT NULL,
                    state TEXT NOT NULL,
                    stage TEXT,
                    progress REAL NOT NULL DEFAULT 0,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    max_attempts INTEGER NOT NULL,
                    priority INTEGER NOT NULL DEFAULT 0,
                    error TEXT,
                    cancel_requested INTEGER NOT NULL DEFAULT 0,
                    created_at REAL NOT NULL,
                    updated_at REAL NOT NULL,
                    started_at REAL,
                    finished_at REAL,
                    run_at REAL NOT NULL,
                    lease_owner TEXT,
                    lease_until REAL,
                    idempotency_key TEXT,
                    token_name TEXT,
                    client_ip TEXT,
                    estimate TEXT
                );
                -- The claim's subquery walks this index in its ORDER BY.
                CREATE INDEX jobs_claim ON jobs(state, priority DESC, run_at, id);
                -- Listing, newest first, all or by state (the cursor is created_at and id).
                CREATE INDEX jobs_list ON jobs(created_at, id);
                CREATE INDEX jobs_state_list ON jobs(state, created_at, id);
                -- Reclaiming expired leases.
                CREATE INDEX jobs_lease ON jobs(state, lease_until);
                -- An idempotency key is unique per token (a key from another token is another job).
                CREATE UNIQUE INDEX jobs_idempotency ON jobs(coalesce(token_name, ''), idempotency_key)
                    WHERE idempotency_key IS NOT NULL;
                CREATE TABLE stage_runs (
                    id INTEGER PRIMARY KEY,
                    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                    stage TEXT NOT NULL,
                    attempt INTEGER NOT NULL,
                    worker TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    finished_at REAL,
                    seconds REAL
                );
                CREATE INDEX stage_runs_job ON stage_runs(job_id, stage);
                -- Exactly one result per job: the primary key is the job.
                CREATE TABLE results (
                    job_id TEXT PRIMARY KEY NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                    result TEXT NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE TABLE costs (
                    id INTEGER PRIMARY KEY,
                    job_id TEXT REFERENCES jobs(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    units REAL NOT NULL,
                    usd REAL NOT NULL,
                    at REAL NOT NULL
                );
                CREATE INDEX costs_at ON costs(at);
                CREATE INDEX costs_job ON costs(job_id);
                """)
        }
        migrator.registerMigration("v1-tokens-audit-assets") { db in
            try db.execute(sql: """
                CREATE TABLE tokens (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    prefix TEXT NOT NULL,
                    hash BLOB NOT NULL,
                    created_at REAL NOT NULL,
                    last_used_at REAL,
                    revoked_at REAL
                );
                CREATE UNIQUE INDEX tokens_prefix ON tokens(prefix);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    at REAL NOT NULL,
                    token_name TEXT,
                    client_ip TEXT,
                    resource TEXT,
                    detail TEXT
                );
                CREATE INDEX audit_type_at ON audit(type, at);
                CREATE INDEX audit_at ON audit(at);
                CREATE INDEX audit_token_at ON audit(token_name, at);
                CREATE TABLE assets (
                    id TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    tags TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    created_at REAL NOT NULL
                );
                CREATE INDEX assets_list ON assets(created_at, id);
                CREATE TABLE webhook_attempts (
                    id INTEGER PRIMARY KEY,
                    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                    url TEXT NOT NULL,
                    attempt INTEGER NOT NULL,
                    status INTEGER,
                    error TEXT,
                    at REAL NOT NULL
                );
                CREATE INDEX webhook_attempts_job ON webhook_attempts(job_id, id);
                CREATE TABLE preset_speed (
                    preset TEXT PRIMARY KEY NOT NULL,
                    seconds_per_video_second REAL NOT NULL,
                    samples INTEGER NOT NULL,
                    updated_at REAL NOT NULL
                );
                """)
        }
        // The trace id of the submitting request (W3C traceparent), for logs and webhooks.
        migrator.registerMigration("v2-job-trace-id") { db in
            try db.execute(sql: "ALTER TABLE jobs ADD COLUMN trace_id TEXT")
        }
        // The status page's last hour (jobs that ended since), without a scan of every job.
        migrator.registerMigration("v3-jobs-finished-index") { db in
            try db.execute(sql: "CREATE INDEX jobs_finished ON jobs(finished_at) WHERE finished_at IS NOT NULL")
        }
        // Every call to a remote provider (issue 9): what the job's record, cost and audit show.
        migrator.registerMigration("v4-provider-calls") { db in
            try db.execute(sql: """
                CREATE TABLE provider_calls (
                    id INTEGER PRIMARY KEY,
                    job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
                    provider TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    purpose TEXT NOT NULL,
                    started_at REAL NOT NULL,
                    seconds REAL NOT NULL,
                    attempts INTEGER NOT NULL,
                    units REAL NOT NULL,
                    unit TEXT NOT NULL,
                    usd REAL NOT NULL,
                    outcome TEXT NOT NULL,
                    error_code TEXT,
                    message TEXT
                );
                CREATE INDEX provider_calls_job ON provider_calls(job_id);
                """)
        }
        return migrator
    }
}
