#!/usr/bin/env bash
# Peak memory against the number of clips (docs/BENCHMARKS.md, "Memory and the number of clips"):
# renders 60 s at 720p made of 5, 25 and 60 gradient title cards (each with a title and a
# transition into the next), and 30 minutes of 30 cards, with GNU time; prints wall time and
# peak RSS of each. Needs a release build and GNU time (apt-get install time).
#
#   bash docs/bench/clips-memory.sh            # CASES="5:60 25:60 60:60 30:1800" by default
#   BIN=/path/to/aiprod CASES="5:60 60:60" bash docs/bench/clips-memory.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${BIN:-$(swift build -c release --show-bin-path)/aiprod}
dir=${DIR:-/tmp/aiprod-bench-clips}
mkdir -p "$dir"
echo "clips seconds wall_s peak_rss_mb"
for case in ${CASES:-5:60 25:60 60:60 30:1800}; do
  clips=${case%:*}; seconds=${case#*:}
  python3 docs/bench/clips-timeline.py "$clips" "$seconds" > "$dir/c$clips-$seconds.json"
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$bin" render "$dir/c$clips-$seconds.json" -o "$dir/out.mp4" -q >/dev/null
  read -r wall rss < "$dir/time.txt"
  echo "$clips $seconds $wall $((rss / 1024))"
done
rm -f "$dir/out.mp4" "$dir/time.txt"
