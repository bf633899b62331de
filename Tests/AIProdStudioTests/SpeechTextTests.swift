@testable import AIProdStudio
import Testing

/// Cleaning a script for the ear (espeak-ng) and for the eye (DejaVu Sans subtitles).
@Suite("Speech text")
struct SpeechTextTests {
    @Test("URLs are not read but stay in the subtitle; a bare domain is read")
    func urls() {
        let text = SpeechText("See https://example.com/docs?id=3 for more, or www.example.org and example.com/a_b (https://x.io/).")
        #expect(text.spoken == "See for more, or and .")
        #expect(text.subtitle == "See https://example.com/docs?id=3 for more, or www.example.org and example.com/a_b (https://x.io/).")
        #expect(SpeechText("Write to example.com today.").spoken == "Write to example.com today.")
        #expect(SpeechText("mailto:me@example.com").spoken.isEmpty)
    }

    @Test("Emoji and pictographs leave both forms; symbols the font has stay")
    func emoji() {
        let text = SpeechText("Great job 🎉! I ❤️ it 👍🏽. Keycap 1️⃣ ✅ done; flags 🇫🇷 and family 👨‍👩‍👧 too.")
        #expect(text.subtitle == "Great job! I it. Keycap done; flags and family too.")
        #expect(text.spoken == text.subtitle)
        let symbols = SpeechText("20 °C, 5 € and 50 % © ★ → ok")
        #expect(symbols.subtitle == "20 °C, 5 € and 50 % © ★ → ok", "DejaVu Sans draws these")
        #expect(symbols.spoken == "20 °C, 5 € and 50 % © ok", "espeak-ng would say \"right arrow\"")
    }

    @Test("What script and style elements hold is code: never read, never subtitled")
    func scriptElements() {
        let text = SpeechText("The details. <script type=\"x\">alert(1); var a = \"<b>\";</SCRIPT > Next one. <style>p { color: red }</style>Done <script/> here.")
        #expect(text.subtitle == "The details. Next one. Done here.")
        #expect(text.spoken == text.subtitle)
        // An element never closed: only its tag goes, the prose after it stays.
        #expect(SpeechText("Before <script> after.").subtitle == "Before after.")
    }

    @Test("Markup tags, entities and markdown emphasis are formatting, removed from both")
    func markup() {
        let html = SpeechText("<p>The <b>big</b> <i class=\"x\">day</i><br/>is here &amp; now&nbsp;!</p><!-- note -->")
        #expect(html.subtitle == "The big day is here & now\u{A0}!")
        #expect(html.spoken == "The big day is here & now !")
        let markdown = SpeechText("**Important**: read _this_ `now`, not ~~later~~ snake_case #tag")
        #expect(markdown.subtitle == "Important: read this now, not later snake_case #tag")
        #expect(markdown.spoken == "Important: read this now, not later snake case tag")
        #expect(SpeechText("a < b and c > d").subtitle == "a < b and c > d", "a lone < is not a tag")
    }

    @Test("Control and invisible characters go; tabs and line breaks are spaces")
    func controlCharacters() {
        let text = SpeechText("Hello\u{7} world\u{0}\tagain\u{200B}!\r\nNext\u{2028}line\u{FEFF}.")
        #expect(text.subtitle == "Hello world again! Next line.")
        #expect(text.spoken == "Hello world again! Next line.")
    }

    @Test("French typography is kept; no-break spaces are plain spaces for espeak-ng")
    func french() {
        let text = SpeechText("« Bonjour », dit-il\u{A0}: c’est l’été… 100\u{A0}000\u{202F}€ !")
        #expect(text.subtitle == "« Bonjour », dit-il\u{A0}: c’est l’été… 100\u{A0}000\u{202F}€ !")
        #expect(text.spoken == "Bonjour , dit-il : c’est l’été… 100 000 € !", "a lone » has nothing to say")
        #expect(text.tokens.map(\.subtitle) == ["«", "Bonjour", "»,", "dit-il\u{A0}:", "c’est", "l’été…", "100\u{A0}000\u{202F}€", "!"])
        #expect(text.tokens[0].opensPhrase)
    }

    @Test("Headings, list items and paragraphs read as sentences of their own")
    func lines() {
        let text = SpeechText("# The Title\n\n- first item\n- second item\nA paragraph that\nwraps here\n\nThe end")
        #expect(text.subtitle == "The Title first item second item A paragraph that wraps here The end")
        #expect(text.spoken == "The Title. first item. second item. A paragraph that wraps here. The end")
    }

    @Test("Letters of any script are kept in both forms")
    func scripts() {
        let text = SpeechText("Ça, Ελλάδα, Москва, Øre, naïve, ﬁn.")
        #expect(text.subtitle == "Ça, Ελλάδα, Москва, Øre, naïve, ﬁn.")
        #expect(text.spoken == text.subtitle)
        let decomposed = SpeechText("cafe\u{301} noe\u{308}l")
        #expect(decomposed.spoken == "café noël", "composed, as espeak-ng counts one character each")
        #expect(decomposed.spoken.unicodeScalars.count == 9)
    }

    @Test("espeak-ng's character positions find their token")
    func positions() {
        let text = SpeechText("Héllo wörld, 🎉 «a» https://x.io/p test.")
        // Spoken: "Héllo wörld, «a» test." (Unicode scalars, 1-based).
        #expect(text.spoken == "Héllo wörld, «a» test.")
        #expect(text.tokenIndex(atCharacter: 1) == 0)
        #expect(text.tokenIndex(atCharacter: 5) == 0)
        #expect(text.tokenIndex(atCharacter: 6) == 1, "a separating space belongs to the next word")
        #expect(text.tokenIndex(atCharacter: 7) == 1)
        #expect(text.tokenIndex(atCharacter: 15) == 2)
        #expect(text.tokenIndex(atCharacter: 18) == 4, "the URL has no spoken form and is skipped")
        #expect(text.tokenIndex(atCharacter: 22) == 4)
        #expect(text.tokenIndex(atCharacter: 23) == nil)
        #expect(text.tokenIndex(atCharacter: 0) == nil)
    }

    @Test("Nothing to say")
    func empty() {
        #expect(SpeechText("").spoken.isEmpty)
        #expect(SpeechText("🎉🎉 <br> ** __ #").spoken.isEmpty)
        #expect(SpeechText("🎉🎉 <br> ** __ #").tokens.isEmpty)
    }
}
