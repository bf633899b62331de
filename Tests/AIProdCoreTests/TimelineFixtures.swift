import AIProdCore
import Foundation

/// Timelines shared by the decoder, validator and schedule tests.
enum TimelineFixtures {
    /// A valid timeline that uses every kind of clip and every optional section.
    static let fullJSON = """
    {
      "version": 1,
      "output": {
        "width": 1280,
        "height": 720,
        "fps": "30000/1001",
        "loudness": { "target_lufs": -16, "true_peak_dbtp": -1.5 },
        "background": "#101820",
        "encoding": { "crf": 20, "preset": "medium", "audio_bitrate_kbps": 192 }
      },
      "video": {
        "clips": [
          {
            "duration": 2.4,
            "gradient": { "from": "#000000", "to": "#203040CC", "angle": 45, "motion": true },
            "text": [
              {
                "text": "Chapter One\\nThe Harbour",
                "placement": "title",
                "font": "DejaVu Serif Bold",
                "size": 72,
                "color": "#FFFFFF",
                "box": { "color": "#0000008C", "padding": 20 },
                "start": 0.2,
                "end": 2,
                "fade_in": 0.3,
                "fade_out": 0.3
              }
            ]
          },
          {
            "duration": 5,
            "image": {
              "file": "images/harbour.jpg",
              "fit": "contain",
              "ken_burns": { "zoom": "in", "amount": 0.25, "pan": "up_left", "easing": "ease_in_out" }
            },
            "text": [
              { "text": "Saint-Malo", "placement": "lower_third", "start": 1 },
              { "text": "© 2024", "placement": "free", "x": 0.8, "y": 0.9, "size": 18 }
            ],
            "transition": { "kind": "dissolve", "duration": 0.5 }
          },
          {
            "duration": "7/2",
            "image": {
              "file": "/srv/media/map.png",
              "ken_burns": {
                "from": { "x": 0, "y": 0, "w": 1, "h": 1 },
                "to": { "x": 0.25, "y": 0.25, "w": 0.5, "h": 0.5 }
              }
            },
            "transition": { "kind": "wipe_left", "duration": "1/2" }
          },
          {
            "duration": 6,
            "video": {
              "file": "clips/boat.mp4",
              "in_point": 12.5,
              "out_point": 18,
              "audio": true,
              "gain_db": -6,
              "fit": "cover"
            },
            "transition": { "kind": "fade_black", "duration": 1 }
          },
          {
            "duration": 2,
            "color": { "color": "#000000" },
            "transition": { "kind": "fade", "duration": 0.75 }
          }
        ],
        "watermark": {
          "file": "logo.png",
          "corner": "top_right",
          "scale": 0.1,
          "opacity": 0.7,
          "margin": 0.05
        }
      },
      "audio": {
        "narration": [ { "file": "voice/intro.wav", "start": 0.5, "gain_db": 1.5 } ],
        "music": [
          {
            "file": "music/bed.ogg",
            "start": 0,
            "end": 15,
            "gain_db": -8,
            "fade_in": 1,
            "fade_out": 2,
            "loop": true,
            "duck": { "depth_db": 14, "attack": 0.25, "release": 0.6 }
          }
        ],
        "effects": [ { "file": "sfx/gull.wav", "start": 3.2, "gain_db": -3 } ]
      },
      "subtitles": {
        "cues": [
          { "start": 0.5, "end": 2.25, "text": "Welcome to Saint-Malo." },
          { "start": 2.25, "end": 5, "text": "The tide here\\nrises twelve metres." }
        ],
        "burn_in": true,
        "style": {
          "font": "DejaVu Sans",
          "size": 40,
          "color": "#FFFF00",
          "outline_color": "#000000",
          "outline": 3,
          "position": "bottom",
          "margin": 0.08
        }
      }
    }
    """

    /// The smallest valid timeline: one colour clip.
    static let minimalJSON = """
    {
      "output": { "width": 640, "height": 360, "fps": 25 },
      "video": { "clips": [ { "duration": 3, "color": { "color": "#336699" } } ] }
    }
    """

    /// A valid timeline built in Swift, for tests that change one thing and expect a rejection.
    static func valid() -> Timeline {
        Timeline(
            output: OutputSettings(width: 1280, height: 720, fps: Rational(30)),
            video: VideoTrack(
                clips: [
                    Clip(duration: Rational(3), content: .image(ImageClip(file: "a.jpg", kenBurns: KenBurns(zoom: .in)))),
                    Clip(
                        duration: Rational(2), content: .color(ColorCard(color: .black)),
                        text: [TextLayer(text: "Hello", start: Rational(1, 2), end: Rational(3, 2))],
                        transition: Transition(kind: .fade, duration: Rational(1, 2))),
                    Clip(
                        duration: Rational(4), content: .video(VideoClip(file: "b.mp4")),
                        transition: Transition(kind: .dissolve, duration: Rational(1))),
                ],
                watermark: Watermark(file: "logo.png")),
            audio: AudioTracks(
                narration: [NarrationTrack(file: "voice.wav", start: Rational(1, 2))],
                music: [MusicTrack(file: "bed.ogg", fadeIn: Rational(1), fadeOut: Rational(2), duck: Ducking())],
                effects: [EffectTrack(file: "whoosh.wav", start: Rational(5, 2), gainDb: -6)]),
            subtitles: Subtitles(cues: [SubtitleCue(start: Rational(1, 2), end: Rational(2), text: "Hello")]))
    }

    static func data(_ json: String) -> Data { Data(json.utf8) }
}
