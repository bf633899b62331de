#!/usr/bin/env python3
"""Writes a timeline of N gradient title cards over S seconds at 1280x720, 30 fps, each card
with a title and a 0.5 s dissolve into the next: the shape of a long studio render, with no
media to decode. Used by docs/bench/clips-memory.sh.

    python3 docs/bench/clips-timeline.py CLIPS SECONDS > timeline.json
"""
import json, sys

clips, seconds = int(sys.argv[1]), float(sys.argv[2])
transition = 0.5
# Clip durations such that the clips, overlapped by their transitions, last `seconds` exactly.
each = (seconds + transition * (clips - 1)) / clips
palette = ["#1B2A4A", "#4A1B2A", "#2A4A1B", "#4A3B1B", "#1B4A4A"]
video = []
for i in range(clips):
    clip = {
        "duration": round(each, 6),
        "gradient": {"from": palette[i % 5], "to": palette[(i + 2) % 5], "angle": (i * 37) % 360, "motion": True},
        "text": [{"text": f"Scene {i + 1}", "placement": "title", "start": 0.2, "end": round(each - 0.2, 6),
                  "fade_in": 0.2, "fade_out": 0.2}],
    }
    if i > 0:
        clip["transition"] = {"kind": ["dissolve", "wipe_left", "slide_up", "fade"][i % 4], "duration": transition}
    video.append(clip)
json.dump({"version": 1, "output": {"width": 1280, "height": 720, "fps": 30}, "video": {"clips": video}}, sys.stdout, indent=1)
