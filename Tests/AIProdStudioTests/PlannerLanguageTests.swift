import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Language detection")
    struct LanguageDetection {
        @Test("clear English and clear French")
        func clear() {
            #expect(LanguageDetector.detect(PlannerTests.englishScript) == .init(language: .english))
            #expect(LanguageDetector.detect(PlannerTests.frenchScript) == .init(language: .french))
            #expect(LanguageDetector.detect("It's raining and we don't care.").language == .english)
            #expect(LanguageDetector.detect("L'été est là, ça commence.").language == .french)
        }

        @Test("French typed without accents is told by its function words")
        func frenchWithoutAccents() {
            let text = "Le chat dort dans la maison et le chien joue avec les enfants pendant que il pleut."
            #expect(LanguageDetector.detect(text) == .init(language: .french))
        }

        @Test("German or Spanish is planned as English, with a warning naming it", arguments: [
            ("Der Hund läuft durch den Park und die Kinder spielen mit dem Ball. Es ist ein schöner Tag.", "German"),
            ("El perro corre por el parque y los niños juegan con la pelota. Es un día muy bonito.", "Spanish"),
        ])
        func foreign(text: String, name: String) throws {
            let result = LanguageDetector.detect(text)
            #expect(result.language == .english)
            #expect(result.warning?.contains(name) == true)
            let plan = try PlannerTests.plan(text)
            #expect(plan.language == .english)
            #expect(plan.warnings.count == 1)
            #expect(plan.warnings[0].contains(name) && plan.warnings[0].contains("planned as English"))
        }

        @Test("no evidence at all falls back to English and says so")
        func unknown() throws {
            let plan = try PlannerTests.plan("Xylophone zebra quartz.")
            #expect(plan.language == .english)
            #expect(plan.warnings == [
                "could not recognise the script's language (no common English or French words); planned as English",
            ])
        }
    }
}
