@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Sentence segmentation")
    struct Segmentation {
        let segmenter = SentenceSegmenter()

        @Test("English rules", arguments: [
            ("The sun rises. Birds sing! Do you hear them?", ["The sun rises.", "Birds sing!", "Do you hear them?"]),
            ("Mr. Smith met Dr. Jones at St. Paul's. Mrs. Brown and Ms. Green came too.",
             ["Mr. Smith met Dr. Jones at St. Paul's.", "Mrs. Brown and Ms. Green came too."]),
            ("Bring fruit, e.g. apples, i.e. something sweet. Compare cats vs. dogs.",
             ["Bring fruit, e.g. apples, i.e. something sweet.", "Compare cats vs. dogs."]),
            ("Visit a capital, e.g. Paris. It is lovely.", ["Visit a capital, e.g. Paris.", "It is lovely."]),
            ("We bought apples, pears, etc. Then we went home.", ["We bought apples, pears, etc.", "Then we went home."]),
            ("Apples, pears, etc. and more.", ["Apples, pears, etc. and more."]),
            ("Room no. 5 is free. Say no. Nobody listens.", ["Room no. 5 is free.", "Say no.", "Nobody listens."]),
            ("He met Sammy Davis Jr. and his band. They played all night.",
             ["He met Sammy Davis Jr. and his band.", "They played all night."]),
            ("J. K. Rowling wrote it. J.R.R. Tolkien did too.", ["J. K. Rowling wrote it.", "J.R.R. Tolkien did too."]),
            ("Pi is 3.14 and e is 2.718. That is all.", ["Pi is 3.14 and e is 2.718.", "That is all."]),
            ("I waited... then I left. Nothing happened… It was late.",
             ["I waited... then I left.", "Nothing happened…", "It was late."]),
            ("Really?! I can't believe it!? Yes.", ["Really?!", "I can't believe it!?", "Yes."]),
            ("\"Wait!\" she said. \"Why?\" He shrugged.", ["\"Wait!\" she said.", "\"Why?\"", "He shrugged."]),
            ("“Run,” he said. “Now!” They ran.", ["“Run,” he said.", "“Now!”", "They ran."]),
            ("(He left.) Then silence. He left (at last). Then more.",
             ["(He left.)", "Then silence.", "He left (at last).", "Then more."]),
            ("It costs 12 dollars. 3 people paid.", ["It costs 12 dollars.", "3 people paid."]),
            ("1. Buy milk.\n2. Call Anna.", ["1. Buy milk.", "2. Call Anna."]),
            ("- Hello there\n- Goodbye", ["- Hello there", "- Goodbye"]),
            ("The rain\nfell all night.", ["The rain fell all night."]),
            ("See www.example.org for more. Thanks.", ["See www.example.org for more.", "Thanks."]),
            ("For forty-two years, Mr. Elias Hart kept the light. Dr. Quinn came.",
             ["For forty-two years, Mr. Elias Hart kept the light.", "Dr. Quinn came."]),
            ("Every evening at 9 p.m. the lamp was lit. At 6 a.m. he woke.",
             ["Every evening at 9 p.m. the lamp was lit.", "At 6 a.m. he woke."]),
            ("He came home at 9 p.m. The lamp was lit.", ["He came home at 9 p.m.", "The lamp was lit."]),
            ("He read J. R. R. Tolkien. Then he slept.", ["He read J. R. R. Tolkien.", "Then he slept."]),
        ])
        func english(text: String, expected: [String]) {
            #expect(segmenter.sentences(in: text) == expected)
        }

        @Test("French rules", arguments: [
            ("M. Dupont parle à Mme. Martin et à Mlle. Roux. Le Dr. Petit écoute.",
             ["M. Dupont parle à Mme. Martin et à Mlle. Roux.", "Le Dr. Petit écoute."]),
            ("Le Pr. Lenoir enseigne. Le général C. de Gaulle parle.",
             ["Le Pr. Lenoir enseigne.", "Le général C. de Gaulle parle."]),
            ("Prenez des fruits, p. ex. des pommes. Puis partez.", ["Prenez des fruits, p. ex. des pommes.", "Puis partez."]),
            ("Une capitale, p. ex. Paris. Elle brille.", ["Une capitale, p. ex. Paris.", "Elle brille."]),
            ("Voir cf. Annexe B pour les détails. Merci.", ["Voir cf. Annexe B pour les détails.", "Merci."]),
            ("Des pommes, des poires, etc. Puis nous sommes rentrés.",
             ["Des pommes, des poires, etc.", "Puis nous sommes rentrés."]),
            ("Quoi ? Il est parti ! Vraiment ?! Oui ; hélas : c'est fini.",
             ["Quoi ?", "Il est parti !", "Vraiment ?!", "Oui ; hélas : c'est fini."]),
            ("Il cria : « Au secours ! » Puis il se tut.", ["Il cria : « Au secours ! »", "Puis il se tut."]),
            ("« Viens ! » dit-elle. « Tout de suite. »", ["« Viens ! » dit-elle.", "« Tout de suite. »"]),
            ("Quoi\u{202F}? Déjà\u{00A0}!", ["Quoi\u{202F}?", "Déjà\u{00A0}!"]),
            ("«\u{00A0}Non\u{00A0}!\u{00A0}» Il partit.", ["«\u{00A0}Non\u{00A0}!\u{00A0}»", "Il partit."]),
            ("— Tu viens ? demanda-t-elle.\n— Non, répondit-il.\n– D'accord.",
             ["— Tu viens ? demanda-t-elle.", "— Non, répondit-il.", "– D'accord."]),
            ("Il dit\n— Bonjour", ["Il dit", "— Bonjour"]),
            ("Il dit\n« Bonjour »", ["Il dit", "« Bonjour »"]),
            ("Il hésita… puis partit. Rien… Personne ne vint.", ["Il hésita… puis partit.", "Rien…", "Personne ne vint."]),
            ("Il attendit... Puis il partit.", ["Il attendit...", "Puis il partit."]),
            ("Pi vaut 3,14 environ. C'est tout.", ["Pi vaut 3,14 environ.", "C'est tout."]),
            ("Il mesure 1,85 m. Elle mesure 1.70 m. Ils sont grands.",
             ["Il mesure 1,85 m.", "Elle mesure 1.70 m.", "Ils sont grands."]),
            ("Il est parti. — Pourquoi ? — Je ne sais pas.", ["Il est parti.", "— Pourquoi ?", "— Je ne sais pas."]),
            ("M. Durand et Mme Lefèvre arrivent. Le Dr Martin aussi.", ["M. Durand et Mme Lefèvre arrivent.", "Le Dr Martin aussi."]),
            ("César meurt en 44 av. J.-C. à Rome. Puis vint Auguste.", ["César meurt en 44 av. J.-C. à Rome.", "Puis vint Auguste."]),
        ])
        func french(text: String, expected: [String]) {
            #expect(segmenter.sentences(in: text) == expected)
        }

        @Test("a sentence ends before markup or any other non-letter that starts the next token", arguments: [
            ("See the details. <script>alert(1)</script> Next sentence.",
             ["See the details.", "<script>alert(1)</script> Next sentence."]),
            ("Done. 🎉 Party time.", ["Done.", "🎉 Party time."]),
            ("Stop! <b>now</b> please.", ["Stop!", "<b>now</b> please."]),
            ("It ended. [Applause] Then silence.", ["It ended.", "[Applause] Then silence."]),
            ("It ended. **then** silence.", ["It ended.", "**then** silence."]),
            ("Il arrive à 9 h. <b>Puis</b> il part.", ["Il arrive à 9 h.", "<b>Puis</b> il part."]),
            ("Wait… <i>Then</i> he left.", ["Wait…", "<i>Then</i> he left."]),
            ("I waited... <i>then</i> left.", ["I waited... <i>then</i> left."]),
            ("Apples, pears, etc. <b>and</b> more.", ["Apples, pears, etc. <b>and</b> more."]),
            ("Say it. , then go.", ["Say it. , then go."]),
        ])
        func markup(text: String, expected: [String]) {
            #expect(segmenter.sentences(in: text) == expected)
        }

        @Test("drops fragments with no word and tidies whitespace")
        func tidies() {
            #expect(segmenter.sentences(in: "  Hello   world.\n  Bye \t now.  ") == ["Hello world.", "Bye now."])
            #expect(segmenter.sentences(in: "Hello.\n—\n— Bye.") == ["Hello.", "— Bye."])
            #expect(segmenter.sentences(in: "… !!! —") == [])
            #expect(segmenter.sentences(in: "No final stop") == ["No final stop"])
        }
    }
}
