import AIProdCore
import Foundation
import Testing

@Suite("Picture, motion, stock, effects and music providers in the INI")
struct MediaProviderConfigTests {
    static let ini = """
        [costs]
        image_usd_each = 0.04
        video_usd_per_second = 0.05
        music_usd_per_track = 0.1
        [studio]
        visuals = sd, stock
        motion = runway
        effects = freesound
        music = musicgen
        style = watercolour, soft light
        [music]
        library = /srv/music
        min_mood_seconds = 30
        crossfade_seconds = 2.5
        [provider.sd]
        kind = a1111
        url = http://gpu-box:7860
        steps = 30
        [provider.stock]
        kind = pexels
        key = pexels-key-123
        [provider.runway]
        kind = runway
        key = rw-key-123
        poll_seconds = 5
        max_wait_seconds = 900
        [provider.freesound]
        kind = freesound
        key = fs-key-123
        licenses = cc0, cc-by
        [provider.musicgen]
        kind = music-http
        url = http://gpu-box:9000/generate
        """

    @Test("the new kinds, keys and chains are read; prices fall back to [costs] per unit")
    func reads() throws {
        let config = try ServiceConfig.parse(Self.ini, file: "aiprod.ini", environment: [:])
        #expect(config.studio.visuals.providers == ["sd", "stock"])
        #expect(config.studio.motion.providers == ["runway"] && config.studio.effects.providers == ["freesound"])
        #expect(config.studio.music.providers == ["musicgen"] && config.studio.style == "watercolour, soft light")
        #expect(config.music.library == "/srv/music" && config.music.minMoodSeconds == 30 && config.music.crossfadeSeconds == 2.5)
        let sd = try #require(config.providers["sd"])
        #expect(sd.kind.role == .image && sd.steps == 30 && sd.usd(units: 10) == 0.4 && sd.maxResponseBytes == 64 << 20)
        let stock = try #require(config.providers["stock"])
        #expect(stock.url == "https://api.pexels.com" && stock.usd(units: 100) == 0 && stock.maxResponseBytes == 256 << 20)
        let runway = try #require(config.providers["runway"])
        #expect(runway.model == "gen4_turbo" && runway.pollSeconds == 5 && runway.maxWaitSeconds == 900)
        #expect(abs(runway.usd(units: 10) - 0.5) < 1e-9)
        #expect(config.providers["freesound"]?.licenses == [.cc0, .ccBy])
        #expect(config.providers["musicgen"]?.usd(units: 2) == 0.2)
        let printed = config.renderedINI()
        #expect(!printed.contains("pexels-key-123") && !printed.contains("fs-key-123"))
    }

    @Test("wrong kinds in a chain, unknown licences and a ComfyUI without its workflow are refused at their line", arguments: [
        ("[studio]\nvisuals = fs\n[provider.fs]\nkind = freesound\n", "visuals"),
        ("[studio]\nmotion = sd\n[provider.sd]\nkind = a1111\nurl = http://h:7860\n", "motion"),
        ("[studio]\nmusic = sd\n[provider.sd]\nkind = a1111\nurl = http://h:7860\n", "music"),
        ("[studio]\neffects = nowhere\n", "effects"),
        ("[provider.fs]\nkind = freesound\nlicenses = all-rights-reserved\n", "licenses"),
        ("[provider.fs]\nkind = freesound\nlicenses = studio\n", "licenses"),
        ("[provider.fs]\nkind = freesound\nlicenses = ,\n", "licenses"),
        ("[provider.c]\nkind = comfyui\nurl = http://h:8188\n", "workflow"),
        ("[provider.sd]\nkind = a1111\n", "url"),
        ("[provider.sd]\nkind = a1111\nurl = http://h:7860\nsteps = 0\n", "steps"),
        ("[provider.r]\nkind = runway\npoll_seconds = 0\n", "poll_seconds"),
        ("[music]\nmin_mood_seconds = 1\n", "min_mood_seconds"),
        ("[music]\ncolour = blue\n", "colour"),
    ])
    func refused(text: String, key: String) {
        #expect { try ServiceConfig.parse(text, file: "aiprod.ini", environment: [:]) } throws: { error in
            guard let error = error as? ConfigError else { return false }
            return error.key == key && error.file == "aiprod.ini" && error.line != nil
        }
    }

    @Test("a job's new fields decode with their defaults, and refuse unknown values")
    func jobFields() throws {
        let spec = try JSONCoding.decoder.decode(JobSpec.self, from: Data(#"{"script": "Hi."}"#.utf8))
        #expect(spec.style == nil && spec.shortVideos == .hold && !spec.creditRoll)
        let asked = try JSONCoding.decoder.decode(JobSpec.self, from: Data(
            #"{"script": "Hi.", "style": "ink", "short_videos": "loop", "credit_roll": true, "providers": {"visuals": "sd", "music": "offline"}}"#.utf8))
        #expect(asked.style == "ink" && asked.shortVideos == .loop && asked.creditRoll)
        #expect(asked.providers.visuals == "sd" && asked.providers.music == "offline")
        #expect(throws: (any Error).self) { try JSONCoding.decoder.decode(JobSpec.self, from: Data(#"{"script": "Hi.", "short_videos": "stretch"}"#.utf8)) }
    }

    @Test("a credit's attribution line names the title, author, link and licence")
    func attribution() {
        let credit = Credit(role: .effect, scene: 2, source: "freesound", title: "Rain on tin", author: "jdoe",
                            license: .ccBy, link: "https://freesound.org/s/123/")
        #expect(credit.attributionLine == "“Rain on tin” by jdoe (freesound.org/s/123), CC BY 4.0")
        #expect(MediaLicense.ccBy.requiresAttribution && !MediaLicense.cc0.requiresAttribution && !MediaLicense.pexels.requiresAttribution)
    }

    @Test("a credit survives the job files' snake_case JSON whole, the author's link included")
    func creditCoding() throws {
        let credit = Credit(role: .visual, scene: 0, file: "media/visual-1.jpg", source: "stock", kind: "pexels", title: "Harbour",
                            author: "Ann", authorURL: "https://www.pexels.com/@ann", license: .pexels, link: "https://www.pexels.com/photo/1/",
                            seed: 42)
        let json = String(decoding: try JSONCoding.encoder.encode(credit), as: UTF8.self)
        #expect(json.contains("\"author_url\"") && json.contains("\"license\" : \"pexels\""))
        #expect(try JSONCoding.decoder.decode(Credit.self, from: Data(json.utf8)) == credit)
    }
}
