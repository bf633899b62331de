import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation
import Logging
import Testing

/// The fake chat server the end-to-end test relies on: it plans the example scripts validly at
/// the first ask, and its scripts from prompts plan too, in both languages.
@Suite struct FakeChatServerTests {
    static func example(_ name: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/examples/\(name)"), encoding: .utf8)
    }

    @Test(arguments: [("script-en.txt", Language.english), ("script-fr.txt", .french)])
    func theExampleScriptsPlanAtTheFirstAsk(_ name: String, _ language: Language) async throws {
        let script = try Self.example(name)
        try await FakeChatServer.serving { server, base in
            let log = CallLog()
            let plan = try await LLMPlannerTests.plan(LLMPlannerTests.planner(base), script, log: log).get()
            let outline = try OfflinePlanner().outline(script)
            #expect(plan.language == language && plan.title == outline.title)
            #expect(plan.scenes.flatMap(\.sentences) == outline.sentences)
            #expect(plan.scenes.allSatisfy { $0.visual != nil && !$0.heading.isEmpty })
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded])
        }
    }

    @Test(arguments: [
        ("90 seconds on the history of the Gull Rock lighthouse, calm, for families", Language.english),
        ("Une minute sur les marées de la baie du Mont-Saint-Michel, pour les enfants", .french),
    ])
    func aPromptBecomesAScriptThatPlans(_ prompt: String, _ language: Language) async throws {
        try await FakeChatServer.serving(.init(refusesStructuredOutput: true, reportsUsage: false)) { server, base in
            let log = CallLog()
            let written = try await LLMScriptWriterTests.write(base, prompt: prompt, seconds: 90, log: log).get()
            #expect(written.language == language)
            let plan = try await LLMPlannerTests.plan(LLMPlannerTests.planner(base), written.document, log: log).get()
            #expect(plan.language == language && plan.title == written.title)
            #expect(plan.scenes.count >= 3)
            // Script, refused structured plan, plan from text; tokens estimated.
            #expect(await server.requests().count == 3)
            #expect(log.all.map(\.purpose) == ["script", "plan", "plan"] && log.all.map(\.outcome) == [.succeeded, .failed, .succeeded])
        }
    }
}
