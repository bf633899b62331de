#!/usr/bin/env bash
# Runs each libFuzzer target of the fuzz binary for SECONDS, from WORK/corpus/<target> (seeds
# written by `AIProdFuzz WORK/corpus`), keeping what it finds in WORK/crashes/<target>/ and its
# output in WORK/logs/<target>.log. Prints, per target, the inputs run and the findings kept.
# `make fuzz` calls it: make fuzz [FUZZ_SECONDS=180] [FUZZ_TARGETS="media timeline plan script"]
# Exits 1 when any target left a finding (crash, sanitizer report, leak, timeout or OOM).
set -uo pipefail
bin=$1 work=$2 seconds=$3
shift 3
found=0
printf '%-10s %12s %8s  %s\n' target executions findings folder
for target in "$@"; do
  corpus=$work/corpus/$target crashes=$work/crashes/$target log=$work/logs/$target.log
  mkdir -p "$corpus" "$crashes" "$work/logs"
  # Fork mode keeps fuzzing after a finding; each input has 10 s and 2 GB. The Swift
  # backtracer is off: a crashing child would otherwise spend minutes symbolicating.
  AIPROD_FUZZ_TARGET=$target SWIFT_BACKTRACE=enable=no \
    "$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$crashes/" "$corpus" >"$log" 2>&1
  # Fork mode's progress lines read "#<executions>: cov: ...".
  runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  findings=$(find "$crashes" -type f | wc -l)
  [ "$findings" -gt 0 ] && found=1
  printf '%-10s %12s %8s  %s\n' "$target" "${runs:-0}" "$findings" "$crashes"
done
exit $found
