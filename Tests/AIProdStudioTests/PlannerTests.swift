import AIProdCore
@testable import AIProdStudio
import Foundation
import Testing

/// The planner's tests, grouped under one name so `swift test --filter PlannerTests` runs them
/// all; each concern is a nested suite in its own `Planner…Tests.swift` file.
@Suite("Planner")
struct PlannerTests {
    /// The example scripts shipped in docs/examples, inlined so the tests do not read files.
    static let englishScript = """
        # Morning in the Harbour Town

        The sun rises slowly over the quiet harbour. Fishing boats rock gently on the calm sea, and the first birds sing from the rooftops. Everything feels peaceful and soft, as if the whole town were still holding its breath.

        By nine o'clock, the market square is full. A cheerful crowd gathers around the stalls, children laugh and play, and somewhere a street musician starts a joyful tune.

        Suddenly, the sky turns dark. Thunder rolls across the bay and heavy rain hammers the old stone streets. People run for shelter under the arches, their footsteps echoing in the empty lanes.

        Then the storm passes. The church bell rings at noon, the clouds open, and golden light returns to the water. The town breathes again, stronger than before, ready for a triumphant afternoon. Tomorrow, the boats will sail again at dawn.
        """

    static let frenchScript = """
        # Une nuit à la montagne

        Le soir tombe doucement sur le village. Le vent murmure dans les sapins, et un feu de bois crépite dans la cheminée du vieux refuge. Tout est calme et paisible, comme si la montagne elle-même retenait son souffle.

        Vers minuit, un bruit étrange résonne dans la forêt. Une porte grince au fond du couloir. Qui peut bien marcher dehors à cette heure ? Le mystère s'épaissit, l'ombre se glisse entre les arbres.

        Soudain, l'orage éclate. Le tonnerre gronde au-dessus des sommets, la pluie frappe les fenêtres et les randonneurs s'inquiètent. M. Durand vérifie l'horloge : il est déjà trois heures.

        Au matin, le soleil revient enfin. Les oiseaux chantent, la cloche de la chapelle sonne, et tout le monde applaudit le guide. Quelle aventure… On s'en souviendra longtemps ! Demain, la route redescendra vers la vallée.
        """

    static func plan(
        _ script: String, seed: UInt64 = 7, target: Rational? = nil, config: StudioConfig = StudioConfig()
    ) throws(StudioError) -> Plan {
        try OfflinePlanner(config: config).plan(script, preset: .youtube1080p, seed: seed, targetDuration: target)
    }

    /// A scene's words as the planner reads them.
    static func words(_ text: String) -> [String] {
        WordTokenizer.words(in: text).map(WordTokenizer.normalized)
    }

    @Test("plans the English example: title, language, scenes, moods and cues")
    func englishExample() throws {
        let plan = try Self.plan(Self.englishScript)
        #expect(plan.title == "Morning in the Harbour Town")
        #expect(plan.language == .english)
        #expect(plan.warnings.isEmpty)
        #expect(plan.preset == "youtube-1080p")
        #expect(plan.wordsPerMinute == 165)
        // Four paragraphs of 11 to 16 s: the three over 12 s are two scenes each.
        #expect(plan.scenes.map(\.index) == Array(0..<7))
        #expect(plan.scenes.allSatisfy { $0.speechSeconds <= Rational(12) })
        #expect(plan.scenes.map(\.mood).prefix(4) == [.calm, .calm, .uplifting, .dramatic])
        #expect(plan.scenes[0].soundCues.map(\.category) == [.sea, .birds])
        #expect(plan.scenes[3].soundCues.map(\.category) == [.thunder, .rain])
        #expect(plan.scenes[5].soundCues.map(\.category).contains(.bell))
        #expect(plan.scenes.allSatisfy { $0.transition == Preset.youtube1080p.transition(for: $0.mood) })
        #expect(plan.scenes.reduce(0) { $0 + $1.wordCount } == 139)
        #expect(!plan.scenes.flatMap(\.sentences).contains { $0.contains("#") })
    }

    @Test("plans the French example: title, language, scenes, moods and cues")
    func frenchExample() throws {
        let plan = try Self.plan(Self.frenchScript)
        #expect(plan.title == "Une nuit à la montagne")
        #expect(plan.language == .french)
        #expect(plan.warnings.isEmpty)
        // Three of the four paragraphs run over 12 s: two scenes each.
        #expect(plan.scenes.allSatisfy { $0.speechSeconds <= Rational(12) })
        #expect(plan.scenes.map(\.mood) == [.mysterious, .calm, .mysterious, .mysterious, .dramatic, .uplifting, .epic])
        #expect(plan.scenes.map { $0.soundCues.map(\.category) } == [
            [.wind, .fire], [.wind], [.door], [.footsteps], [.thunder, .rain], [.birds, .bell], [],
        ])
        #expect(plan.scenes[4].sentences.last == "M. Durand vérifie l'horloge : il est déjà trois heures.")
        #expect(plan.scenes[6].sentences.contains("Quelle aventure…"))
    }
}
