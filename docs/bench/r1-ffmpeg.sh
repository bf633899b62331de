#!/usr/bin/env bash
# The ffmpeg command-line render of R1 (docs/BENCHMARKS.md): the same scenes, motion, transitions,
# title, burned subtitles, narration, ducked music and effects as r1.json, in one filter graph.
# A yardstick only: the product never runs ffmpeg.
#
#   bash docs/bench/r1-ffmpeg.sh DIR OUT.mp4 [naive|single]
#
# DIR holds R1's media (made by `aiprod bench render --prepare-only --dir DIR`).
# naive  (default): each still is looped (-loop 1), so every frame decodes the JPEG and scales
#        it to 4x the output width before zoompan (the usual recipe against zoompan's jitter).
# single: each still is decoded and scaled once; zoompan makes all the clip's frames from it.
set -euo pipefail
dir=$1; out=$2; mode=${3:-naive}
font=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

still() { # index file frames zoom-expr x-expr
  local i=$1 frames=$3 z=$4 x=$5 last=$(( $3 - 1 ))
  local d=1; [ "$mode" = single ] && d=$frames
  z=${z//LAST/$last}; x=${x//LAST/$last}
  echo "[$i:v]crop=iw:iw*9/16,scale=5120:2880,zoompan=z='$z':x='$x':y='(ih-ih/zoom)/2':d=$d:s=1280x720:fps=30,trim=end_frame=$frames,setsar=1,format=yuv420p"
}
if [ "$mode" = single ]; then
  inputs=(-i "$dir/img1.jpg" -i "$dir/img2.jpg" -i "$dir/img3.jpg")
else
  inputs=(-loop 1 -framerate 30 -t 21 -i "$dir/img1.jpg" -loop 1 -framerate 30 -t 20 -i "$dir/img2.jpg"
          -loop 1 -framerate 30 -t 21 -i "$dir/img3.jpg")
fi

graph="$(still 0 img1 630 '1+0.25*on/LAST' '(iw-iw/zoom)*on/LAST'),drawtext=fontfile=$font:text='Reference timeline R1':fontsize=54:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2:shadowx=2:shadowy=2:shadowcolor=black@0.6:enable='between(t,1,6)':alpha='if(lt(t,1.5),(t-1)/0.5,if(gt(t,5.5),(6-t)/0.5,1))'[v0];
$(still 1 img2 600 '1.2-0.2*on/LAST' '(iw-iw/zoom)/2')[v1];
$(still 2 img3 630 '1.2' '(iw-iw/zoom)*(1-on/LAST)')[v2];
[v0][v1]xfade=transition=dissolve:duration=1:offset=20[x1];
[x1][v2]xfade=transition=wipeleft:duration=1:offset=39[x2];
[x2]subtitles=$dir/r1.srt:force_style='Fontname=DejaVu Sans,Fontsize=40,Outline=2,MarginV=43',format=yuv420p[vout];
[3:a]aresample=48000,aformat=channel_layouts=stereo,adelay=1000:all=1,asplit=2[narr][sc0];
[sc0]apad[sc];
[4:a]aresample=48000,volume=-8dB,afade=t=in:d=2,afade=t=out:st=57:d=3[mus];
[mus][sc]sidechaincompress=threshold=0.02:ratio=8:attack=20:release=400[ducked];
[5:a]aresample=48000,adelay=20000:all=1[fx1];
[6:a]aresample=48000,volume=-3dB,adelay=39000:all=1[fx2];
[narr][ducked][fx1][fx2]amix=inputs=4:normalize=0:duration=longest,atrim=end=60,loudnorm=I=-16:TP=-1.5:LRA=11,aresample=48000[aout]"

ffmpeg -v error -y "${inputs[@]}" -i "$dir/narration.wav" -stream_loop -1 -t 60 -i "$dir/music.wav" \
  -i "$dir/whoosh.wav" -i "$dir/bell.wav" -filter_complex "$graph" -map '[vout]' -map '[aout]' \
  -c:v libx264 -preset veryfast -crf 21 -profile:v high -g 60 -c:a aac -b:a 160k -movflags +faststart -t 60 "$out"
