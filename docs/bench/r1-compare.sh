#!/usr/bin/env bash
# Reproduces the R1 figures of docs/BENCHMARKS.md: aiprod's in-process render against the ffmpeg
# CLI render of the same graph (two variants), interleaved in one run, RUNS times each; prints
# every run and the medians. Needs: a release build, `ffmpeg` and GNU `time` (apt-get install ffmpeg time).
#
#   RUNS=3 HEIGHT=720 bash docs/bench/r1-compare.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${RUNS:-3}
bin=${BIN:-$(swift build -c release --show-bin-path)/aiprod}
dir=${DIR:-/tmp/aiprod-bench-r1}
log=$(mktemp)
"$bin" bench render --prepare-only --dir "$dir" >/dev/null
measure() { # name command...
  local name=$1; shift
  /usr/bin/time -f "$name %e %M" -o "$log.one" "$@" >/dev/null 2>&1 || { echo "$name failed"; exit 1; }
  cat "$log.one" | tee -a "$log"
}
echo "name wall_s peak_rss_kb"
for _ in $(seq "$runs"); do
  measure aiprod "$bin" render "$dir/r1.json" -o "$dir/aiprod.mp4" -q
  measure ffmpeg-naive bash docs/bench/r1-ffmpeg.sh "$dir" "$dir/ffmpeg-naive.mp4" naive
  measure ffmpeg-single bash docs/bench/r1-ffmpeg.sh "$dir" "$dir/ffmpeg-single.mp4" single
done
echo
python3 - "$log" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
med = {}
for name in dict.fromkeys(r[0] for r in rows):
    walls = [float(r[1]) for r in rows if r[0] == name]
    rss = [int(r[2]) for r in rows if r[0] == name]
    med[name] = (statistics.median(walls), statistics.median(rss) / 1024)
    print(f"{name:14} median {med[name][0]:6.2f} s  = {60/med[name][0]:5.2f}x realtime   peak RSS {med[name][1]:5.0f} MB   ({len(walls)} runs)")
a = med["aiprod"][0]
for name in med:
    if name != "aiprod":
        print(f"aiprod is {med[name][0]/a:.2f}x faster than {name}, with {med['aiprod'][1]/med[name][1]*100:.0f}% of its peak memory")
PY
rm -f "$log" "$log.one"
