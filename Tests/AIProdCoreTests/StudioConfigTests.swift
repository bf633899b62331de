import Foundation
import AIProdCore
import Testing

@Suite("INI and the [studio] config")
struct StudioConfigTests {
    @Test("parses sections, comments, quotes; keys are case-insensitive; last value wins")
    func parse() throws {
        let ini = try INIFile(parsing: """
        ; comment
        # another
        top = 1
        [Studio]
        Voice_EN = "en-gb"
        words_per_minute = 150
        words_per_minute = 170

        [other]
        x=y
        """)
        #expect(ini.value("", "top") == "1")
        #expect(ini.value("studio", "voice_en") == "en-gb")
        #expect(ini.value("STUDIO", "WORDS_PER_MINUTE") == "170")
        #expect(ini.value("other", "x") == "y")
        #expect(ini.value("studio", "missing") == nil)
    }

    @Test("malformed lines are errors with their line number")
    func malformed() {
        #expect(throws: INIFile.ParseError(line: 2, message: "expected key = value, got \"oops\"")) {
            try INIFile(parsing: "[studio]\noops\n")
        }
        #expect(throws: INIFile.ParseError.self) { try INIFile(parsing: "[studio\n") }
    }

    @Test("the shipped etc/aiprod.ini gives the defaults")
    func shipped() throws {
        let text = try String(contentsOfFile: #filePath.components(separatedBy: "/Tests/")[0] + "/etc/aiprod.ini", encoding: .utf8)
        let config = try StudioConfig(ini: INIFile(parsing: text))
        #expect(config == StudioConfig())
    }

    @Test("values override defaults; bad values name the key")
    func values() throws {
        let config = try StudioConfig(ini: INIFile(parsing: "[studio]\nmax_script_characters = 100\nvoice_fr = fr-be\nsound_library = /srv/sfx\nwatermark = /srv/logo.png\n"))
        #expect(config.maxScriptCharacters == 100)
        #expect(config.voices[.french] == "fr-be")
        #expect(config.voices[.english] == "en-us")
        #expect(config.soundLibrary == "/srv/sfx")
        #expect(config.watermark == "/srv/logo.png")
        #expect(throws: StudioConfig.Invalid.self) { try StudioConfig(ini: INIFile(parsing: "[studio]\npitch = loud\n")) }
        #expect(throws: StudioConfig.Invalid.self) { try StudioConfig(ini: INIFile(parsing: "[studio]\nwords_per_minute = 5\n")) }
    }
}
