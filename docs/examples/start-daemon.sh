#!/usr/bin/env bash
# `make run`: starts `aiprod serve` in the background on a local config under ./run/ (made on the
# first run), with an admin token kept in run/admin.token, then renders the example through the
# API (docs/examples/api-walkthrough.sh). `make stop` stops the daemon.
# Usage: start-daemon.sh PATH/TO/aiprod
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${1:?usage: start-daemon.sh AIPROD_BINARY}
RUN=${RUN_DIR:-run}
PORT=${RUN_PORT:-8080}
mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)   # absolute: the config names its data folder
if [ ! -f "$RUN/aiprod.ini" ]; then
  cat > "$RUN/aiprod.ini" <<INI
; Local development config for \`make run\` (the installed daemon reads /etc/aiprod/aiprod.ini;
; every key is described in etc/aiprod.ini).
[server]
listen = 127.0.0.1
port = $PORT
[storage]
data_dir = $RUN/data
[workers]
count = 1
[log]
level = info
; a person reads run/aiprod.log: one line per event (the installed daemon logs JSON for the journal)
format = text
INI
fi
if [ -f "$RUN/aiprod.pid" ] && kill -0 "$(cat "$RUN/aiprod.pid")" 2>/dev/null; then
  echo "restarting the daemon (pid $(cat "$RUN/aiprod.pid"))"
  kill "$(cat "$RUN/aiprod.pid")"
  while kill -0 "$(cat "$RUN/aiprod.pid")" 2>/dev/null; do sleep 0.2; done
fi
"$BIN" migrate --config "$RUN/aiprod.ini"
if [ ! -s "$RUN/admin.token" ]; then
  (umask 077; "$BIN" token create --config "$RUN/aiprod.ini" --name make-run --role admin | tail -n 1 > "$RUN/admin.token")
fi
TOKEN=$(cat "$RUN/admin.token")
nohup "$BIN" serve --config "$RUN/aiprod.ini" >> "$RUN/aiprod.log" 2>&1 &
echo $! > "$RUN/aiprod.pid"
AIPROD="http://127.0.0.1:$PORT"
for _ in $(seq 150); do curl -fs "$AIPROD/health" >/dev/null && break; sleep 0.2; done
curl -fsS "$AIPROD/health" >/dev/null || { echo "the daemon did not start: see $RUN/aiprod.log"; tail -20 "$RUN/aiprod.log"; exit 1; }

echo "aiprod is serving on $AIPROD (pid $(cat "$RUN/aiprod.pid"), log $RUN/aiprod.log, data $RUN/data)."
echo "Admin token (also in $RUN/admin.token): $TOKEN"
echo
AIPROD=$AIPROD TOKEN=$TOKEN bash docs/examples/api-walkthrough.sh
echo
echo "Try it yourself:"
echo "  export AIPROD=$AIPROD TOKEN=\$(cat $RUN/admin.token)"
echo "  curl -s -H \"Authorization: Bearer \$TOKEN\" -H 'Content-Type: application/json' \\"
echo "       -d '{\"script\": \"# Dawn\\n\\nThe sea at dawn. Boats leave the harbour.\"}' \$AIPROD/pipeline/run"
echo "  curl -N -H \"Authorization: Bearer \$TOKEN\" \$AIPROD/pipeline/JOB_ID/events"
echo "Status page (open it once with the token; it sets a cookie): $AIPROD/status?token=\$TOKEN"
echo "Metrics: curl -H \"Authorization: Bearer \$TOKEN\" \$AIPROD/metrics; reload the config: kill -HUP \$(cat $RUN/aiprod.pid)"
echo "The whole API: docs/API.md (and \$AIPROD/openapi.json). Stop the daemon: make stop"
