#!/usr/bin/env bash
# R1 rendered by two aiprod binaries, interleaved in one run, RUNS times each (docs/BENCHMARKS.md):
# how a change moved R1's speed and memory, measured side by side on the same noisy machine.
# Needs GNU time (apt-get install time).
#
#   RUNS=5 bash docs/bench/r1-ab.sh OLD_BINARY NEW_BINARY
set -euo pipefail
cd "$(dirname "$0")/../.."
old=$1 new=$2 runs=${RUNS:-5}
dir=${DIR:-/tmp/aiprod-bench-r1}
log=$(mktemp)
"$new" bench render --prepare-only --dir "$dir" >/dev/null
for _ in $(seq "$runs"); do
  for name in old new; do
    bin=$old; [ "$name" = new ] && bin=$new
    /usr/bin/time -f "$name %e %M" -a -o "$log" "$bin" render "$dir/r1.json" -o "$dir/ab-$name.mp4" -q >/dev/null
    tail -1 "$log"
  done
done
python3 - "$log" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
med = {n: (statistics.median(float(r[1]) for r in rows if r[0] == n), statistics.median(int(r[2]) for r in rows if r[0] == n) / 1024)
       for n in ("old", "new")}
for n, (wall, rss) in med.items():
    print(f"{n}: median {wall:.2f} s = {60 / wall:.2f}x realtime, peak RSS {rss:.0f} MB")
print(f"new/old wall: {med['new'][0] / med['old'][0]:.3f}")
PY
rm -f "$log"
