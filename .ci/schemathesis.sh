#!/usr/bin/env bash
# CI: fuzz the running daemon's API from its own /openapi.json with schemathesis (PyPI): at least
# MIN_REQUESTS generated requests, no 5xx answer, and the daemon still up at the end.
# Usage: bash .ci/schemathesis.sh PATH/TO/aiprod
set -euo pipefail
BIN=${1:?usage: schemathesis.sh AIPROD_BINARY}
MIN_REQUESTS=${MIN_REQUESTS:-1000}
WORK=$(mktemp -d /tmp/aiprod-st.XXXXXX)
PORT=${PORT:-18631}
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT

command -v st >/dev/null || python3 -m pip install -q schemathesis
cat > "$WORK/aiprod.ini" <<INI
[server]
listen = 127.0.0.1
port = $PORT
[storage]
data_dir = $WORK/data
[workers]
; API only: generated jobs queue up, nothing renders while the API is fuzzed.
count = 0
INI
"$BIN" migrate --config "$WORK/aiprod.ini"
TOKEN=$("$BIN" token create --config "$WORK/aiprod.ini" --name schemathesis --role admin | tail -n 1)
"$BIN" serve --config "$WORK/aiprod.ini" 2> "$WORK/daemon.log" &
PID=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done

# From the scratch folder: schemathesis keeps a .schemathesis/ cache in its working directory.
(cd "$WORK" && st run "http://127.0.0.1:$PORT/openapi.json" -H "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error --max-examples "${MAX_EXAMPLES:-60}" --seed 7 --no-shrink \
  --generation-database none --workers 2 --request-timeout 10 --continue-on-failure \
  --report har --report-har-path "$WORK/requests.har" > "$WORK/st.log" 2>&1) || true
# Judged on the recorded requests, not on schemathesis's exit status: its other findings (a
# server stricter than the schema can say, its own generator's errors) are not 5xx answers.
tail -n 30 "$WORK/st.log"
[ -s "$WORK/requests.har" ] || { echo "schemathesis recorded no requests"; cat "$WORK/st.log"; exit 1; }

requests=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["log"]["entries"]))' "$WORK/requests.har")
server_errors=$(python3 -c 'import json,sys; print(sum(1 for e in json.load(open(sys.argv[1]))["log"]["entries"] if e["response"]["status"] >= 500))' "$WORK/requests.har")
echo "schemathesis: $requests requests, $server_errors answered 5xx"
python3 -c 'import collections,json,sys; print("statuses:", dict(sorted(collections.Counter(e["response"]["status"] for e in json.load(open(sys.argv[1]))["log"]["entries"]).items())))' "$WORK/requests.har"
kill -0 "$PID" || { echo "the daemon died"; tail -50 "$WORK/daemon.log"; exit 1; }
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "the daemon stopped answering"; exit 1; }
[ "$requests" -ge "$MIN_REQUESTS" ] || { echo "fewer than $MIN_REQUESTS requests"; exit 1; }
[ "$server_errors" -eq 0 ] || { echo "5xx answers"; exit 1; }
