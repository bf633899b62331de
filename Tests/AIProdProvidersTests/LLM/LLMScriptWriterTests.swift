import AIProdCore
@testable import AIProdProviders
import AIProdStudio
import Foundation
import Hummingbird
import Logging
import Testing

/// The script writer against the fake chat server: a prompt becomes a script in the asked (or
/// the prompt's) language and length; an unusable script is explained and asked for once more.
@Suite struct LLMScriptWriterTests {
    static let prompt = "60 seconds on the history of the Gull Rock lighthouse, calm, for families"

    static func write(_ base: String, prompt: String = prompt, language: Language? = nil, seconds: Double = 60,
                      log: CallLog = CallLog()) async -> Result<WrittenScript, ProviderError> {
        let writer = LLMScriptWriter(client: OpenAIChatClientTests.client(base))
        return await blocking {
            let session = ProviderSession(stage: .plan, logger: Logger(label: "test")) { log.record($0) }
            do throws(ProviderError) {
                return .success(try writer.write(prompt: prompt, language: language, targetSeconds: seconds, wordsPerMinute: 165,
                                                 maxCharacters: 5_000, session: session))
            } catch {
                return .failure(error)
            }
        }
    }

    @Test func writesAScriptOnThePromptInItsLanguageAndLength() async throws {
        try await FakeChatServer.serving { server, base in
            let log = CallLog()
            let written = try await Self.write(base, log: log).get()
            #expect(written.language == .english && written.title == "The history of the Gull Rock lighthouse")
            let words = ScriptText.words(in: written.script).count
            #expect((123...207).contains(words))
            #expect(written.script.contains("Gull Rock lighthouse") && !written.script.hasPrefix("#"))
            // The script plans like any script, its title kept.
            let plan = try OfflinePlanner().plan(written.document, preset: .web720p, seed: 1, targetDuration: nil)
            #expect(plan.title == "The history of the Gull Rock lighthouse" && plan.language == .english)
            let request = FakeChatServer.body(of: try #require(await server.requests().first))
            let messages = FakeChatServer.messages(in: request)
            #expect(messages.last?.content.contains("in English of about 165 words (between 123 and 207 words)") == true)
            #expect(messages.last?.content.contains("<<<\n\(Self.prompt)\n>>>") == true)
            #expect(request["response_format"] == nil)
            #expect(log.all.map(\.purpose) == ["script"] && log.all.allSatisfy { $0.units > 0 })
        }
    }

    @Test func aFrenchPromptGetsAFrenchScriptAndTheLanguageCanBeForced() async throws {
        try await FakeChatServer.serving { _, base in
            let french = try await Self.write(base, prompt: "30 secondes sur le phare de la pointe du Raz, pour les familles", seconds: 30).get()
            #expect(french.language == .french && ScriptText.language(of: french.script).language == .french)
            let forced = try await Self.write(base, language: .french, seconds: 30).get()
            #expect(forced.language == .french)
        }
    }

    static let unusable = "**Narrator:** [soft music] The lighthouse stands tall."

    @Test func anUnusableScriptIsExplainedAndAskedForOnceMore() async throws {
        let counter = Counter()
        try await OpenAIChatClientTests.serving({ received in
            let answer = await counter.next() == 1 ? Self.unusable : FakeChatModel.answer(to: FakeChatServer.messages(in: FakeChatServer.body(of: received)))
            return FakeProviderServer.json(FakeChatServer.completion(answer))
        }) { server, base in
            let written = try await Self.write(base).get()
            #expect(written.language == .english)
            let requests = await server.requests()
            #expect(requests.count == 2)
            let retry = FakeChatServer.messages(in: FakeChatServer.body(of: requests[1]))
            #expect(retry.map(\.role) == ["system", "user", "assistant", "user"] && retry[2].content == Self.unusable)
            #expect(retry[3].content.hasPrefix("That script cannot be used: the script holds \"**\""))
        }
    }

    @Test func aScriptUnusableTwiceIsInvalidPlan() async throws {
        try await OpenAIChatClientTests.serving({ received in
            let first = FakeChatServer.messages(in: FakeChatServer.body(of: received)).count == 2
            return FakeProviderServer.json(FakeChatServer.completion(first ? Self.unusable : "# Title\n\nToo short."))
        }) { server, base in
            let result = await Self.write(base)
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .invalidPlan && error.message.contains("words; it must have 123–207") && error.message.contains("\"**\""))
            #expect(await server.requests().count == 2)
        }
    }

    @Test func anEmptyPromptOrAnImpossibleLengthSendsNothing() async throws {
        try await FakeChatServer.serving { server, base in
            for (prompt, seconds) in [(" \n ", 60.0), (Self.prompt, 0), (Self.prompt, .nan), (String(repeating: "a", count: 20_001), 60)] {
                let result = await Self.write(base, prompt: prompt, seconds: seconds)
                guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
                #expect(error.code == .unsupported)
            }
            #expect(await server.requests().isEmpty)
        }
    }
}
