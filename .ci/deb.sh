#!/usr/bin/env bash
# CI, as root: the .deb as a studio's admin gets it. apt installs it (and its Depends) from the
# file; the installed binary runs as the aiprod user with the installed config on a spare port;
# a token, a short job with curl, its MP4 downloaded and probed, /metrics and /status, a backup
# taken while the daemon serves, then a restore with the daemon stopped (the lost video comes
# back); then apt purges it and nothing of it may be left.
# Usage: bash .ci/deb.sh OUT_DIR (where `make deb` wrote aiprod_*.deb)
set -euo pipefail
OUT=$(realpath "${1:-out}")
deb=$(ls -t "$OUT"/aiprod_*.deb | head -n 1)
PORT=${PORT:-18632}
WORK=$(mktemp -d /tmp/aiprod-deb.XXXXXX)
chmod 0755 "$WORK"
INI=/etc/aiprod/aiprod.ini
AIPROD="http://127.0.0.1:$PORT"
cd "$WORK"  # the daemon runs as aiprod: its working directory must be one it can enter
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
fail() { echo "deb: $*" >&2; [ -f "$WORK/daemon.log" ] && tail -n 40 "$WORK/daemon.log" >&2; exit 1; }
as_aiprod() { runuser -u aiprod -- env AIPROD_SERVER_PORT="$PORT" "$@"; }
# The daemon under what the unit enforces that works without systemd: the aiprod user, no new
# privileges, no capabilities at all, umask 0077, and MemoryDenyWriteExecute (the kernel's
# PR_SET_MDWE, kept across exec: a mapping made writable and executable fails, as under the unit).
# `exec`: started in the background, the function's subshell becomes the daemon, so $! is its pid.
# HOME is the aiprod user's, as under the unit.
confined() {
    exec setpriv --reuid aiprod --regid aiprod --init-groups --no-new-privs --inh-caps=-all --bounding-set=-all -- \
        env HOME=/var/lib/aiprod AIPROD_SERVER_PORT="$PORT" python3 -c '
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:  # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
    sys.stderr.write("deb: this kernel has no PR_SET_MDWE (errno %d): running without it\n" % ctypes.get_errno())
os.umask(0o077)
os.execv(sys.argv[1], sys.argv[1:])' "$@"
}

echo "== install $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
dpkg-query -W -f='${Status} ${Version}\n' aiprod
getent passwd aiprod >/dev/null || fail "no aiprod user"
[ "$(stat -c '%U %a' /var/lib/aiprod)" = "aiprod 750" ] || fail "/var/lib/aiprod is $(stat -c '%U %a' /var/lib/aiprod)"
[ "$(stat -c '%U:%G %a' $INI)" = "root:aiprod 640" ] || fail "$INI is $(stat -c '%U:%G %a' $INI)"
aiprod --version
man -w aiprod >/dev/null 2>&1 || [ -f /usr/share/man/man1/aiprod.1.gz ] || fail "no man page"
[ -f /usr/share/bash-completion/completions/aiprod ] || fail "no bash completion"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify --man=no /lib/systemd/system/aiprod.service || fail "systemd-analyze verify"
    systemd-analyze security --offline=yes --no-pager /lib/systemd/system/aiprod.service | tail -n 1
fi
as_aiprod aiprod config check "$INI" >/dev/null || fail "the installed config does not check"

echo "== run as aiprod on port $PORT, confined"
confined /usr/bin/aiprod serve --config "$INI" > "$WORK/daemon.out" 2> "$WORK/daemon.log" &
PID=$!
for _ in $(seq 300); do grep -q '^listening on ' "$WORK/daemon.out" && break; kill -0 "$PID" || fail "the daemon exited"; sleep 0.2; done
curl -fsS "$AIPROD/health" | head -c 300; echo
TOKEN=$(as_aiprod aiprod token create --config "$INI" --name ci --role admin | tail -n 1)
auth=(-H "Authorization: Bearer $TOKEN")

body='{"script": "A short test. The bell rings over the harbour, and the boats come home.", "preset": "web-720p", "seed": 1}'
job=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$AIPROD/pipeline/run" | jq -r .id)
echo "submitted $job"
state=queued
for _ in $(seq 600); do
    state=$(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r .state)
    case "$state" in succeeded|failed|dead|canceled) break ;; esac
    sleep 1
done
[ "$state" = succeeded ] || fail "job $job ended $state: $(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job")"
curl -fsS "${auth[@]}" -o "$WORK/job.mp4" "$AIPROD/pipeline/$job/video"
aiprod probe "$WORK/job.mp4" > "$WORK/probe.json" || fail "the MP4 does not probe"
jq -e '([.streams[] | select(.type == "video" and .codec == "h264" and .frames > 0)] | length == 1)
       and ([.streams[] | select(.type == "audio" and .codec == "aac")] | length == 1) and .duration_seconds > 1' \
    "$WORK/probe.json" >/dev/null || fail "the MP4 is not H.264 + AAC: $(cat "$WORK/probe.json")"
echo "downloaded $(jq -r '"\(.duration_seconds) s, \(.size_bytes) bytes"' "$WORK/probe.json")"

echo "== metrics and the status page, as the README shows them"
curl -fsS "${auth[@]}" "$AIPROD/metrics" > "$WORK/metrics.txt"
grep -q '^aiprod_build_info{version="' "$WORK/metrics.txt" || fail "no aiprod_build_info in /metrics"
grep -q '^aiprod_jobs{state="succeeded"} 1' "$WORK/metrics.txt" || fail "/metrics does not count the job"
code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$WORK/cookies" "$AIPROD/status?token=$TOKEN")
[ "$code" = 303 ] || fail "/status?token= answered $code, not a redirect"
curl -fsS -b "$WORK/cookies" "$AIPROD/status" > "$WORK/status.html"
grep -q "$job" "$WORK/status.html" || fail "the status page does not show the job"

echo "== backup while it serves"
backup=$(as_aiprod aiprod backup --config "$INI" | tail -n 1)
[ -d "$backup" ] || fail "no backup folder: $backup"
ls -l "$backup"
db=$(find "$backup" -maxdepth 1 -name '*.sqlite3' | head -n 1)
[ -n "$db" ] || fail "no database in the backup"
python3 - "$db" "$job" <<'PY' || fail "the backup's database"
import sqlite3, sys
db = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True)
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity"
assert db.execute("SELECT state FROM jobs WHERE id = ?", (sys.argv[2],)).fetchone()[0] == "succeeded", "the job"
print("backup: integrity ok, the job is in it")
PY
curl -fsS "$AIPROD/health" >/dev/null || fail "the daemon stopped answering after the backup"
grep -q "no PR_SET_MDWE" "$WORK/daemon.log" || echo "deb: the job rendered with MemoryDenyWriteExecute in force"
kill -TERM "$PID"; wait "$PID" || fail "the daemon did not exit 0 on SIGTERM"
PID=

echo "== restore, with the daemon stopped"
# A lost video: the restore puts back the outputs its manifest lists.
find /var/lib/aiprod/jobs/"$job" -name '*.mp4' -delete
as_aiprod aiprod restore "$backup" --config "$INI" || fail "restore"
confined /usr/bin/aiprod serve --config "$INI" > "$WORK/daemon2.out" 2> "$WORK/daemon2.log" &
PID=$!
for _ in $(seq 300); do grep -q '^listening on ' "$WORK/daemon2.out" && break; kill -0 "$PID" || fail "the daemon exited after the restore"; sleep 0.2; done
[ "$(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r .state)" = succeeded ] || fail "the job after the restore"
curl -fsS "${auth[@]}" -o "$WORK/again.mp4" "$AIPROD/pipeline/$job/video" || fail "the video after the restore"
cmp -s "$WORK/job.mp4" "$WORK/again.mp4" || fail "the restored video differs"
kill -TERM "$PID"; wait "$PID" || fail "the daemon did not exit 0 on SIGTERM"
PID=

echo "== upgrade path (the same version again): data, user and config stay"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --reinstall "$deb" >/dev/null
[ "$(stat -c '%U %a' /var/lib/aiprod)" = "aiprod 750" ] || fail "/var/lib/aiprod after the upgrade"
[ "$(stat -c '%U:%G %a' $INI)" = "root:aiprod 640" ] || fail "$INI after the upgrade"
[ -f /var/lib/aiprod/aiprod.sqlite3 ] || fail "the database is gone after the upgrade"
as_aiprod aiprod token list --config "$INI" | grep -q ci || fail "the token is gone after the upgrade"

echo "== purge"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq aiprod >/dev/null
left=""
for path in /usr/bin/aiprod /etc/aiprod /var/lib/aiprod /lib/systemd/system/aiprod.service \
    /usr/share/doc/aiprod /usr/share/man/man1/aiprod.1.gz /usr/share/bash-completion/completions/aiprod \
    /usr/share/zsh/vendor-completions/_aiprod; do
    [ -e "$path" ] && left="$left $path"
done
getent passwd aiprod >/dev/null && left="$left user:aiprod"
getent group aiprod >/dev/null && left="$left group:aiprod"
dpkg-statoverride --list | grep -q aiprod && left="$left statoverride"
find /etc/systemd /var/lib/systemd -name 'aiprod*' 2>/dev/null | grep -q . && left="$left $(find /etc/systemd /var/lib/systemd -name 'aiprod*')"
dpkg -l aiprod 2>/dev/null | grep -q '^[ir]' && left="$left dpkg-state"
[ -z "$left" ] || fail "left after purge:$left"
echo "deb: installed, ran as aiprod, rendered, backed up, purged clean"
