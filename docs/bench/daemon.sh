#!/usr/bin/env bash
# Daemon figures for docs/BENCHMARKS.md, measured on loopback in one run: GET /pipeline/{id} at
# 64 connections, durable POST /pipeline/run, claim-and-complete jobs/s for an empty stage,
# POST-to-first-stage latency at idle, and idle RSS. Each load figure is the median of RUNS runs.
# Usage: bash docs/bench/daemon.sh [PATH/TO/aiprod]   (default: the release build; needs wrk and jq)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:-.build/release/aiprod}
RUNS=${RUNS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
PORT=${PORT:-18632}
WORK=$(mktemp -d /tmp/aiprod-bench.XXXXXX)
AIPROD="http://127.0.0.1:$PORT"
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

start() {  # start WORKERS
  cat > "$WORK/aiprod.ini" <<INI
[server]
listen = 127.0.0.1
port = $PORT
[storage]
data_dir = $WORK/data
[workers]
count = $1
[log]
level = warning
INI
  "$BIN" migrate --config "$WORK/aiprod.ini" >/dev/null
  [ -s "$WORK/token" ] || "$BIN" token create --config "$WORK/aiprod.ini" --name bench --role admin | tail -n 1 > "$WORK/token"
  "$BIN" serve --config "$WORK/aiprod.ini" 2>> "$WORK/daemon.log" &
  PID=$!
  for _ in $(seq 100); do curl -fs "$AIPROD/health" >/dev/null && return; sleep 0.1; done
  echo "daemon did not start"; cat "$WORK/daemon.log"; exit 1
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

start 0
TOKEN=$(cat "$WORK/token")
auth=(-H "Authorization: Bearer $TOKEN")
sleep 2
rss() { awk '/^VmRSS/ { rss = $2 } /^RssAnon/ { anon = $2 } END { printf "%.1f MB (of which %.1f MB anonymous; the rest is shared libraries mapped from disk)", rss / 1024, anon / 1024 }' "/proc/$PID/status"; }
echo "idle RSS after start: $(rss)"
curl -fsS "$AIPROD/health" > /dev/null
wrk -t1 -c16 -d5s "$AIPROD/health" | awk '/Requests\/sec/ { print "GET /health (no auth, one SQLite read), 16 connections, 5 s: " $2 " req/s (the HTTP floor on this machine)" }'
JOB=$(curl -fsS "${auth[@]}" -d '{"script": "The sea at dawn."}' "$AIPROD/pipeline/run" | jq -r .id)

cat > "$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"script": "The sea at dawn. Boats leave the harbour.", "priority": 1}'
wrk.headers["Content-Type"] = "application/json"
LUA
get_rps=(); get_p99=(); post_rps=(); post_p99=()
for run in $(seq "$RUNS"); do
  wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" --latency -H "Authorization: Bearer $TOKEN" "$AIPROD/pipeline/$JOB" > "$WORK/get.txt"
  get_rps+=("$(awk '/Requests\/sec/ { print $2 }' "$WORK/get.txt")")
  get_p99+=("$(awk '$1 == "99%" { print $2 }' "$WORK/get.txt")")
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/get.txt" || true); [ -z "$errors" ] || echo "GET run $run: $errors"
  wrk -t2 -c16 -d"${SECONDS_PER_RUN}s" --latency -s "$WORK/post.lua" -H "Authorization: Bearer $TOKEN" "$AIPROD/pipeline/run" > "$WORK/post.txt"
  post_rps+=("$(awk '/Requests\/sec/ { print $2 }' "$WORK/post.txt")")
  post_p99+=("$(awk '$1 == "99%" { print $2 }' "$WORK/post.txt")")
  errors=$(grep -E "Non-2xx|Socket errors" "$WORK/post.txt" || true); [ -z "$errors" ] || echo "POST run $run: $errors"
done
echo "GET /pipeline/{id}, 64 connections: runs ${get_rps[*]} req/s (p99 ${get_p99[*]}); median $(printf '%s\n' "${get_rps[@]}" | median) req/s"
echo "POST /pipeline/run, 16 connections: runs ${post_rps[*]} jobs/s (p99 ${post_p99[*]}); median $(printf '%s\n' "${post_rps[@]}" | median) jobs/s"
echo "queued jobs now: $(curl -fsS "$AIPROD/health" | jq .queue_depth)"
echo "RSS after the load: $(rss)"
stop

# Claim and complete, an empty stage: the store's own loop, no HTTP.
"$BIN" bench queue --jobs 5000 --runs "$RUNS" --database "$WORK/queue.sqlite3"

# POST to first stage at idle: one worker, one job at a time. The clock starts just before the
# client sends the POST and stops at the job's started_at (the claim, right before the plan
# stage starts), both read on this machine's clock.
rm -rf "$WORK/data" "$WORK/token"; start 1; TOKEN=$(cat "$WORK/token")
python3 - "$AIPROD" "$TOKEN" <<'PY'
import json, statistics, sys, time, urllib.request
from datetime import datetime
base, token = sys.argv[1], sys.argv[2]
def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as reply:
        return json.load(reply)
latencies = []
for i in range(20):
    sent = time.time()
    job = call("POST", "/pipeline/run", {"script": f"Latency probe {i}. The sea at dawn."})["id"]
    while (state := call("GET", f"/pipeline/{job}"))["state"] == "queued":
        time.sleep(0.005)
    started = datetime.fromisoformat(state["started_at"].replace("Z", "+00:00")).timestamp()
    latencies.append((started - sent) * 1000)
    call("POST", f"/pipeline/{job}/cancel")
    while call("GET", f"/pipeline/{job}")["state"] not in ("canceled", "succeeded", "dead"):
        time.sleep(0.05)
    time.sleep(0.3)
print("POST to first stage at idle, 20 jobs (ms): " + " ".join(f"{v:.1f}" for v in latencies)
      + f"; median {statistics.median(latencies):.1f} ms, max {max(latencies):.1f} ms")
PY
echo "RSS after 20 cancelled jobs: $(rss)"
stop
