import AIProdCore
@testable import AIProdStudio
import Testing

extension PlannerTests {
    @Suite("Bad input")
    struct BadInput {
        @Test("empty, blank, punctuation-only or title-only scripts have no words to narrate", arguments: [
            "", "   \n\t  \n", "... !!! — « » ?", "# Just a title\n\n",
        ])
        func empty(script: String) {
            let error = #expect(throws: StudioError.self) { try PlannerTests.plan(script) }
            #expect(error?.code == .emptyScript)
            #expect(error?.message.contains("no words to narrate") == true)
        }

        @Test("a script over the limit names its length and the limit")
        func tooLong() {
            var config = StudioConfig()
            config.maxScriptCharacters = 100
            let script = String(repeating: "word ", count: 20) + "x"  // 101 characters
            let error = #expect(throws: StudioError.self) { try PlannerTests.plan(script, config: config) }
            #expect(error?.code == .scriptTooLong)
            #expect(error?.message == "the script has 101 characters, over the limit of 100 (max_script_characters in [studio])")
            #expect(throws: Never.self) { try PlannerTests.plan(String(script.dropLast()), config: config) }
        }

        @Test("the default limit is 50,000 characters, counted as characters, not bytes")
        func defaultLimit() {
            let fits = String(repeating: "é", count: 49_999) + "."
            #expect(throws: Never.self) { try PlannerTests.plan(fits) }
            let error = #expect(throws: StudioError.self) { try PlannerTests.plan(fits + "é") }
            #expect(error?.code == .scriptTooLong)
            #expect(error?.message.contains("50001") == true)
        }

        @Test("a target duration must be positive", arguments: [Rational(0), Rational(-5), Rational(100_000)])
        func badTarget(target: Rational) {
            let error = #expect(throws: StudioError.self) { try PlannerTests.plan("Hello there, world.", target: target) }
            #expect(error?.code == .invalidOption)
        }
    }
}
