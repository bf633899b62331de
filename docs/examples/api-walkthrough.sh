#!/usr/bin/env bash
# The README's curl walkthrough, as a script `make run` executes (so the README's commands are
# checked each time): upload the example's pictures, submit the example script with them, watch
# the job with server-sent events, download the video and its subtitles.
# Needs AIPROD (the daemon's address) and TOKEN (a producer or admin token); curl and jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${AIPROD:?set AIPROD, e.g. http://127.0.0.1:8080}" "${TOKEN:?set TOKEN to a producer token}"
OUT=${OUT:-out}
mkdir -p "$OUT"
auth=(-H "Authorization: Bearer $TOKEN")

# 1. Upload the pictures (the id is the file's SHA-256; uploading again returns the same id).
ids=()
for file in docs/examples/assets/*; do
  name=$(basename "$file")
  id=$(curl -fsS "${auth[@]}" --data-binary @"$file" "$AIPROD/assets?name=$name&tags=${name%.*}" | jq -r .id)
  echo "uploaded $name as $id"
  ids+=("$id")
done

# 2. Submit the script with them.
body=$(jq -n --rawfile script docs/examples/script-en.txt --args '{script: $script, preset: "web-720p", asset_ids: $ARGS.positional}' "${ids[@]}")
job=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d "$body" "$AIPROD/pipeline/run" | jq -r .id)
echo "submitted $job"

# 3. Watch it: the stream ends when the job does.
curl -fsSN "${auth[@]}" "$AIPROD/pipeline/$job/events" | grep --line-buffered '^data:' | \
  jq --unbuffered -rR 'ltrimstr("data: ") | fromjson? | "\(.state // "running") \(.stage // "") \((.progress // .percent // 0) | floor)%"' | uniq

# 4. The result, then the files.
curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq '{state, attempts, result}'
state=$(curl -fsS "${auth[@]}" "$AIPROD/pipeline/$job" | jq -r .state)
[ "$state" = succeeded ] || { echo "job $job ended $state"; exit 1; }
curl -fsS "${auth[@]}" -o "$OUT/harbour.mp4" "$AIPROD/pipeline/$job/video"
curl -fsS "${auth[@]}" -o "$OUT/harbour.srt" "$AIPROD/pipeline/$job/subtitles.srt"
echo "downloaded $OUT/harbour.mp4 and $OUT/harbour.srt"
