import AIProdCore
import AIProdPipeline
import AIProdTestSupport
import Testing

@Suite("Credits: credits.txt for people to read")
struct CreditsTextTests {
    @Test("a section per kind of piece, in order, one line per piece with scene, title, author, licence, link, model, seed")
    func sections() throws {
        let scratch = ScratchDirectory()
        let directory = try CreditsFolder.filled(scratch)
        let text = CreditsText.render(CreditsCollector(directory: directory, offlineVoice: "en-us").collect(), title: "The Bell")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "Credits — The Bell")
        let headings = lines.filter { !$0.isEmpty && !$0.hasPrefix(" ") }.dropFirst()
        #expect(Array(headings) == ["Script & plan", "Voice", "Pictures", "Motion", "Effects", "Music", "Attribution (required by the licences)"])
        // Each section holds its pieces: 2 + 4 + 4 + 1 + 4 + 2, and the two attribution lines.
        #expect(lines.filter { $0.hasPrefix("  ") }.count == 19)
        #expect(lines.contains { $0.hasPrefix("  scene 1 · “Rain on tin” · by jdoe") && $0.hasSuffix(" · media/effect-1-1.mp3") }, "\(text)")
        #expect(lines.contains("  scene 2 · “bell” · from library · studio's own · media/effect-2-1.wav"), "\(text)")
        #expect(lines.contains("  scene 2 · from painter (a1111) · generated · model sdxl · seed 11 · media/visual-2.png"), "\(text)")
        #expect(lines.contains("  whole video · plan · “The Bell” · from local (openai-chat) · generated · seed 3 · plan.json"), "\(text)")
        #expect(lines.contains("  scene 3 · “en-us” · from offline · generated · model espeak-ng · media/narration-3.wav"), "\(text)")
        #expect(lines.contains("  whole video · from offline · generated · model fluidsynth TimGM6mb · seed 3 · media/music.wav"), "\(text)")
        #expect(lines.last == "" && lines.dropLast().last == "  “Rain on tin” by jdoe (freesound.org/s/123), CC BY 4.0")
    }

    @Test("a found sound's line: scene from 1, quoted title, author and page, source and kind, licence and its text, link, file")
    func soundLine() {
        var rain = CreditsFolder.rain
        rain.scene = 0
        rain.file = "media/effect-1-1.mp3"
        #expect(CreditsText.line(rain) == "scene 1 · “Rain on tin” · by jdoe <https://freesound.org/people/jdoe/> · from sounds (freesound) · "
            + "CC BY 4.0 <https://creativecommons.org/licenses/by/4.0/> · https://freesound.org/s/123/ · media/effect-1-1.mp3")
    }

    @Test("no credits: says so; empty sections are left out")
    func empty() {
        #expect(CreditsText.render(CreditsDocument(credits: []), title: nil) == "Credits\n\nNo piece of this video came from outside the job.\n")
        let one = CreditsDocument(credits: [Credit(role: .music, source: "offline", license: .generated)])
        #expect(CreditsText.render(one, title: "T") == "Credits — T\n\nMusic\n  whole video · from offline · generated\n")
    }

    @Test("a hostile title or author cannot forge lines, hide text or make the file huge")
    func hostile() {
        let credit = Credit(role: .effect, scene: 0, source: "sounds", title: "Rain\n  scene 9 · fake\u{202E}txt.exe\t\u{0}",
                            author: String(repeating: "a", count: 1_000_000), license: .ccBy)
        let line = CreditsText.line(credit)
        #expect(!line.contains("\n") && !line.contains("\u{202E}") && !line.contains("\u{0}") && !line.contains("\t"))
        #expect(line.contains("“Rain scene 9 · fake txt.exe”"))
        #expect(line.count < 2 * CreditsText.maxFieldCharacters)
        let document = CreditsDocument(credits: [credit])
        #expect(document.attribution.count == 1 && document.attribution[0].count <= CreditsText.maxAttributionCharacters)
        #expect(!document.attribution[0].contains("\n"))
        // Emoji sequences keep their joiners; nothing is cut that fits.
        #expect(CreditsText.clean("👩‍🔬 lab") == "👩‍🔬 lab")
        #expect(CreditsText.clean("  a  \n b ", limit: 3) == "a b")
        #expect(CreditsText.clean("abcdef", limit: 4) == "abc…")
    }
}
