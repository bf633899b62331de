#!/usr/bin/env bash
# make-media.sh — regenerates the example media in this directory.
#
# DEVELOPMENT-TIME HELPER ONLY. aiprod itself never runs ffmpeg, espeak-ng or sox: it renders
# in-process with the ffmpeg libraries. This script only documents, reproducibly, how the small
# sample files used by docs/examples/*.json were made, so anyone can regenerate or tweak them.
#
# Needs: ffmpeg (with libx264, libvorbis, libopus, libfreetype), espeak-ng, sox (soxi),
#        the DejaVu fonts (/usr/share/fonts/truetype/dejavu).
#   Debian/Ubuntu: apt-get install -y ffmpeg espeak-ng sox fonts-dejavu-core
#
# Usage: docs/examples/media/make-media.sh      (writes next to itself)
#
# Everything is synthesised (no downloads): the stills and the clip from ffmpeg lavfi sources,
# the music and the effects from aevalsrc/anoisesrc, the narration from espeak-ng.
# The narration is built sentence by sentence so the subtitle cues in showcase-720p.json can
# match the speech exactly; the script prints the sentence timings it used at the end.
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
FF=(ffmpeg -hide_banner -loglevel error -y)
# Keep the files free of encoder/version tags so regenerating them gives stable bytes.
META=(-map_metadata -1 -fflags +bitexact)

# ---------------------------------------------------------------------------------------------
# landscape.jpg — 1920x1080 painted "photo": sky with sun, snowy ridges, meadow. Fine texture
# everywhere so a Ken Burns move is clearly visible. JPEG q 5 (≈120 KB).
# ---------------------------------------------------------------------------------------------
R1='st(1,H*(0.40+0.06*sin(X/210+0.5)+0.035*sin(X/77+2)+0.014*sin(X/23)+0.006*sin(X/7.3)+0.003*sin(X/2.9)))'
R2='st(2,H*(0.63+0.05*sin(X/310+3)+0.03*sin(X/97+1)+0.012*sin(X/31+0.3)+0.004*sin(X/9.1)+0.002*sin(X/3.7)))'
SUN='st(3,hypot(X-1380,Y-330))'
T='st(4,clip(Y/(0.47*H),0,1))'
ROCK='st(6,0.8*sin(X/13+5*sin(Y/71)+2*sin(X/97))*(0.6+0.4*sin(Y/23+X/150))+0.3*sin(Y/9+X/31))'
SNOW='st(7,clip(1-(Y-ld(1))/(0.05*H+25*sin(X/29)),0,1))'
DEPTH='st(8,(Y-ld(1))/(ld(2)-ld(1)))'
MEAD='st(9,sin(X/53+3*sin(Y/29))*sin(Y/17+2*sin(X/41))+0.6*sin(X/143+Y/37))'
PRE="$R1;$R2;$SUN;$T;st(5,random(0));$ROCK;$SNOW;$DEPTH;$MEAD"
RS='clip(25+225*pow(ld(4),2.4)+255*exp(-ld(3)/60)+90*exp(-ld(3)/260)+6*ld(5),0,255)'
GS='clip(55+130*pow(ld(4),1.8)+240*exp(-ld(3)/70)+60*exp(-ld(3)/260)+6*ld(5),0,255)'
BS='clip(140+60*ld(4)-70*pow(ld(4),4)+200*exp(-ld(3)/80)+6*ld(5),0,255)'
RM='clip(100-45*ld(8)+18*ld(6)+120*ld(7)+18*ld(5),0,255)'
GM='clip(96-40*ld(8)+18*ld(6)+125*ld(7)+18*ld(5),0,255)'
BM='clip(140-40*ld(8)+18*ld(6)+110*ld(7)+18*ld(5),0,255)'
RH='clip(70+28*ld(9)-35*(Y-ld(2))/(H-ld(2))+40*ld(5),0,255)'
GH='clip(112+34*ld(9)-55*(Y-ld(2))/(H-ld(2))+45*ld(5),0,255)'
BH='clip(40+12*ld(9)-25*(Y-ld(2))/(H-ld(2))+25*ld(5),0,255)'
"${FF[@]}" -f lavfi -i "color=c=black:s=1920x1080:d=1" -frames:v 1 \
  -vf "format=gbrp,geq=r='$PRE;if(lt(Y,ld(1)),$RS,if(lt(Y,ld(2)),$RM,$RH))':g='$PRE;if(lt(Y,ld(1)),$GS,if(lt(Y,ld(2)),$GM,$GH))':b='$PRE;if(lt(Y,ld(1)),$BS,if(lt(Y,ld(2)),$BM,$BH))',gblur=sigma=0.7,format=rgb24" \
  "$TMP/landscape.png"
"${FF[@]}" -i "$TMP/landscape.png" "${META[@]}" -q:v 5 -pix_fmt yuvj420p "$OUT/landscape.jpg"

# ---------------------------------------------------------------------------------------------
# portrait.jpg — 1080x1440 (3:4) sunset over the sea, for fit "contain" (letterboxing).
# ---------------------------------------------------------------------------------------------
HZ='st(1,0.58*H)'
SUN='st(2,hypot(X-0.5*W,(Y-0.47*H)))'
T='st(3,clip(Y/ld(1),0,1))'
RIP='st(4,sin(Y*Y/900+4*sin(X/37)+X/80)*sin(X/23+Y/7))'
REF='st(5,exp(-pow((X-0.5*W)/(60+0.35*(Y-ld(1))),2)))'
D='st(6,clip((Y-ld(1))/(H-ld(1)),0,1))'
CL='st(7,0.5+0.5*sin(X/170+3*sin(Y/53))*sin(Y/29+2*sin(X/90)))'
PRE="$HZ;$SUN;$T;$RIP;$REF;$D;$CL;st(8,random(0))"
RS='clip(40+200*pow(ld(3),1.5)+60*ld(7)*ld(3)+255*exp(-ld(2)/70)+80*exp(-ld(2)/300)+6*ld(8),0,255)'
GS='clip(20+110*pow(ld(3),2)+30*ld(7)*ld(3)+220*exp(-ld(2)/80)+40*exp(-ld(2)/300)+6*ld(8),0,255)'
BS='clip(70+40*ld(3)-60*pow(ld(3),3)+40*ld(7)*ld(3)+150*exp(-ld(2)/90)+6*ld(8),0,255)'
RW='clip(60-40*ld(6)+30*ld(4)+(200-120*ld(6))*ld(5)*(0.6+0.4*ld(4))+10*ld(8),0,255)'
GW='clip(45-30*ld(6)+22*ld(4)+(150-100*ld(6))*ld(5)*(0.6+0.4*ld(4))+10*ld(8),0,255)'
BW='clip(85-50*ld(6)+30*ld(4)+(70-50*ld(6))*ld(5)*(0.6+0.4*ld(4))+10*ld(8),0,255)'
"${FF[@]}" -f lavfi -i "color=c=black:s=1080x1440:d=1" -frames:v 1 \
  -vf "format=gbrp,geq=r='$PRE;if(lt(Y,ld(1)),$RS,$RW)':g='$PRE;if(lt(Y,ld(1)),$GS,$GW)':b='$PRE;if(lt(Y,ld(1)),$BS,$BW)',gblur=sigma=0.8,format=rgb24" \
  "$TMP/portrait.png"
"${FF[@]}" -i "$TMP/portrait.png" "${META[@]}" -q:v 6 -pix_fmt yuvj420p "$OUT/portrait.jpg"

# ---------------------------------------------------------------------------------------------
# clip.mp4 — 6 s, 640x360, 25 fps, H.264 + AAC. A drifting gradient with a moving test card and
# a burnt-in timecode (so the in_point is visible), over a soft chord tone.
# ---------------------------------------------------------------------------------------------
"${FF[@]}" \
  -f lavfi -i "gradients=s=640x360:r=25:n=3:speed=0.03:c0=0x1b3a6b:c1=0xd9643a:c2=0x2f8f6f:seed=7" \
  -f lavfi -i "testsrc2=s=200x112:r=25" \
  -f lavfi -i "aevalsrc='0.25*(sin(2*PI*220*t)+0.5*sin(2*PI*330*t)+0.3*sin(2*PI*440*t))*(0.6+0.4*sin(2*PI*0.5*t))':s=48000:c=stereo" \
  -filter_complex "[0:v][1:v]overlay=x='40+(W-w-80)*(0.5-0.5*cos(PI*t/3))':y='(H-h)/2+90*sin(2*PI*t/3)':shortest=1,drawtext=fontfile=$FONT:text='SAMPLE CLIP %{pts\\:hms}':fontsize=28:fontcolor=white:x=20:y=20:box=1:boxcolor=black@0.4:boxborderw=8[v]" \
  -map "[v]" -map 2:a -t 6 "${META[@]}" \
  -c:v libx264 -preset slow -crf 30 -pix_fmt yuv420p -g 50 \
  -c:a aac -b:a 48k -movflags +faststart "$OUT/clip.mp4"

# ---------------------------------------------------------------------------------------------
# narration.ogg — espeak-ng en-us at 165 wpm, one sentence at a time. Each sentence is trimmed
# of espeak's leading/trailing silence, measured with soxi -D, and placed at a fixed offset in
# the file, so the subtitle cues can use exact times. The timeline places this file at 0.5 s,
# so a sentence at file offset o with duration d is the cue [0.5 + o, 0.5 + o + d].
# Offsets chosen to line up with the scenes: S1/S2 over the landscape, S3 when the gradient
# card dissolves in (7.5 s), S4 as the wipe into the video clip starts (14.0 s).
# ---------------------------------------------------------------------------------------------
SENTENCES=(
  "Welcome to A.I. prod."
  "First, a slow Ken Burns move across a mountain landscape."
  "Next, a gradient title card, with the music ducked under the voice."
  "Finally, a video clip with a lower third, mastered for the web."
)
OFFSETS=(0 1.75 7.2 13.5)   # seconds into narration.ogg where each sentence starts
RATE=22050                   # espeak-ng's native rate
SEGMENTS=()
TIMINGS=()
for i in "${!SENTENCES[@]}"; do
  espeak-ng -v en-us -s 165 -w "$TMP/raw$i.wav" "${SENTENCES[$i]}"
  # trim silence at both ends (threshold -46 dBFS)
  sox "$TMP/raw$i.wav" "$TMP/s$i.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
  dur=$(soxi -D "$TMP/s$i.wav")
  if (( i + 1 < ${#SENTENCES[@]} )); then
    gap=$(awk -v a="${OFFSETS[$i]}" -v b="${OFFSETS[$((i + 1))]}" -v d="$dur" 'BEGIN { printf "%.6f", b - a - d }')
    awk -v g="$gap" 'BEGIN { exit !(g > 0.2) }' || { echo "sentence $i too long for its slot" >&2; exit 1; }
  else
    gap=0.1
  fi
  sox "$TMP/s$i.wav" "$TMP/p$i.wav" pad 0 "$gap"
  SEGMENTS+=("$TMP/p$i.wav")
  TIMINGS+=("$(awk -v o="${OFFSETS[$i]}" -v d="$dur" 'BEGIN { printf "timeline %6.3f – %6.3f s (file offset %5.2f, %.3f s)", 0.5 + o, 0.5 + o + d, o, d }')  ${SENTENCES[$i]}")
done
sox "${SEGMENTS[@]}" "$TMP/narration.wav" norm -2
"${FF[@]}" -i "$TMP/narration.wav" "${META[@]}" -ac 1 -c:a libopus -b:a 24k -application voip "$OUT/narration.ogg"

# ---------------------------------------------------------------------------------------------
# music.ogg — 20 s, stereo, 96 bpm: C – G – Am – F (2.5 s a chord, played twice), a soft pad
# swelling over each chord, a plucked eighth-note arpeggio and a bass note. Every chord starts
# and ends at zero amplitude, so the file loops seamlessly (the timeline sets loop true).
# ---------------------------------------------------------------------------------------------
M='st(0,mod(floor(t/2.5),4));'
M+='st(1,130.81*eq(ld(0),0)+98*eq(ld(0),1)+110*eq(ld(0),2)+87.31*eq(ld(0),3));'   # chord root
M+='st(2,if(eq(ld(0),2),1.2,1.25));'                                              # minor/major third
M+='st(3,mod(t,2.5));st(4,floor(ld(3)/0.3125));st(5,mod(ld(3),0.3125));'
M+='st(6,eq(ld(4),0)+ld(2)*eq(ld(4),1)+1.5*eq(ld(4),2)+2*eq(ld(4),3)+2*ld(2)*eq(ld(4),4)+2*eq(ld(4),5)+1.5*eq(ld(4),6)+ld(2)*eq(ld(4),7));'
M+='st(7,sin(2*PI*2*ld(1)*ld(6)*t)*sin(PI*ld(5)/0.3125)*exp(-7*ld(5)));'          # arpeggio
M+='st(8,(sin(2*PI*ld(1)*t)+sin(2*PI*ld(1)*ld(2)*t)+sin(2*PI*ld(1)*1.5*t)+0.5*sin(2*PI*ld(1)*2.003*t))*sin(PI*ld(3)/2.5));'  # pad
M+='st(9,sin(2*PI*ld(1)/2*t)*sin(PI*ld(3)/2.5)*exp(-0.6*ld(3)));'                 # bass
"${FF[@]}" -f lavfi \
  -i "aevalsrc='${M}0.30*ld(7)+0.10*ld(8)+0.30*ld(9)|${M}0.20*ld(7)+0.13*ld(8)+0.30*ld(9)':s=44100:d=20" \
  "${META[@]}" -c:a libvorbis -q:a 1 "$OUT/music.ogg"

# ---------------------------------------------------------------------------------------------
# whoosh.ogg — 1.0 s pink noise through a band-pass swept up and back down, panned left→right.
# ---------------------------------------------------------------------------------------------
CMDS=""
for k in $(seq 0 19); do
  f=$(awk -v k="$k" 'BEGIN { x = k / 19; printf "%d", 300 + 3200 * sin(3.14159 * x) ^ 2 }')
  CMDS+="$(awk -v k="$k" 'BEGIN { printf "%.2f", k * 0.05 }') bandpass f $f;"
done
"${FF[@]}" -f lavfi -i "anoisesrc=c=pink:d=1.0:a=0.8:r=44100:seed=42" \
  -af "asendcmd=c='${CMDS%;}',bandpass=f=300:width_type=q:w=1.2,aformat=channel_layouts=mono,afade=t=in:d=0.45:curve=qsin,afade=t=out:st=0.45:d=0.55:curve=qsin,pan=stereo|c0=c0|c1=c0,aeval='val(0)*(1-0.7*t)|val(1)*(0.3+0.7*t)',volume=4" \
  "${META[@]}" -c:a libvorbis -q:a 0 "$OUT/whoosh.ogg"

# ---------------------------------------------------------------------------------------------
# chime.ogg — 1.5 s bell: two struck notes (E6, then B6 0.12 s later), inharmonic partials
# (1, 2.76, 5.40) decaying at different rates.
# ---------------------------------------------------------------------------------------------
BELL='(sin(2*PI*F*T)*exp(-3*T)+0.5*sin(2*PI*F*2.76*T)*exp(-6*T)+0.25*sin(2*PI*F*5.40*T)*exp(-11*T))*(1-exp(-400*T))*gte(T,0)'
B1=${BELL//F/1318.5}; B1=${B1//T/t}
B2=${BELL//F/1975.5}; B2=${B2//T/(t-0.12)}
"${FF[@]}" -f lavfi -i "aevalsrc='0.30*($B1)+0.22*($B2)':s=44100:d=1.5" \
  -af "afade=t=out:st=1.2:d=0.3" "${META[@]}" -ac 1 -c:a libvorbis -q:a 2 "$OUT/chime.ogg"

# ---------------------------------------------------------------------------------------------
# logo.png — 256x96 watermark: "aiprod" in DejaVu Sans Bold, white with a dark outline and soft
# shadow, on a fully transparent background.
# ---------------------------------------------------------------------------------------------
"${FF[@]}" -f lavfi -i "color=c=black@0.0:s=256x96,format=rgba" -frames:v 1 \
  -vf "drawtext=fontfile=$FONT:text='aiprod':fontsize=56:fontcolor=white:borderw=3:bordercolor=0x1b2a4a@0.9:shadowx=3:shadowy=3:shadowcolor=black@0.45:x=(w-text_w)/2:y=(h-text_h)/2" \
  "${META[@]}" -pix_fmt rgba -compression_level 9 "$OUT/logo.png"

echo "narration sentence timings (narration placed at 0.5 s on the showcase timeline):"
printf '  %s\n' "${TIMINGS[@]}"
ls -l "$OUT"
