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
echo "idle RSS: $(ps -o rss= -p "$PID" | awk '{ printf "%.1f MB", $1 / 1024 }') (after start)"
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
echo "idle RSS after the load: $(ps -o rss= -p "$PID" | awk '{ printf "%.1f MB", $1 / 1024 }')"
stop

# Claim and complete, an empty stage: the store's own loop, no HTTP.
"$BIN" bench queue --jobs 5000 --runs "$RUNS" --database "$WORK/queue.sqlite3"

# POST to first stage at idle: one worker, one job at a time; the daemon's own timestamps
# (created_at at the POST's commit, started_at when a worker claimed it).
rm -rf "$WORK/data"; start 1
lat=()
for i in $(seq 20); do
  job=$(curl -fsS "${auth[@]}" -d "{\"script\": \"Latency probe $i. The sea at dawn.\"}" "$AIPROD/pipeline/run" | jq -r .id)
  for _ in $(seq 200); do
    state=$(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r .state)
    [ "$state" != queued ] && break; sleep 0.01
  done
  lat+=("$(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r '(((.started_at | sub("\\.[0-9]+"; "") | fromdate) - 0) as $x | .)' >/dev/null; curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r '.first_stage_latency_ms // empty')")
  curl -fsS -X POST "${auth[@]}" "$AIPROD/pipeline/$job/cancel" >/dev/null
  for _ in $(seq 300); do [ "$(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r .state)" = canceled ] && break; sleep 0.05; done
  sleep 0.2
done
echo "POST to first stage at idle (ms, 20 jobs): ${lat[*]}; median $(printf '%s\n' "${lat[@]}" | median) ms"
stop
