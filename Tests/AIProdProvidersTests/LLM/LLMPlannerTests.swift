import AIProdCore
@testable import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// The LLM planner against the fake chat server: the plan is the script's own sentences in the
/// model's scenes, finished by the offline rules; an invalid answer is explained and asked
/// once more; a second one is `invalidPlan`.
@Suite struct LLMPlannerTests {
    static let english = """
        # Morning in the Harbour Town

        The sun rises slowly over the quiet harbour. Fishing boats rock gently on the calm sea, and the first birds sing from the rooftops. Everything feels peaceful and soft, as if the whole town were still holding its breath.

        By nine o'clock, the market square is full. A cheerful crowd gathers around the stalls, children laugh and play, and somewhere a street musician starts a joyful tune.

        ## The storm

        Suddenly, the sky turns dark. Thunder rolls across the bay and heavy rain hammers the old stone streets. People run for shelter under the arches, their footsteps echoing in the empty lanes.

        Then the storm passes. The church bell rings at noon, the clouds open, and golden light returns to the water.
        """

    static let french = """
        # Une nuit à la montagne

        Le soir tombe doucement sur le village. Le vent murmure dans les sapins, et un feu de bois crépite dans la cheminée du vieux refuge.

        Soudain, l'orage éclate. Le tonnerre gronde au-dessus des sommets, la pluie frappe les fenêtres. Il vérifie l'horloge : il est déjà trois heures.
        """

    static func planner(_ base: String, structured: StructuredOutput = .auto, retries: Int = 0, timeout: Double = 300) -> LLMPlanner {
        LLMPlanner(client: OpenAIChatClientTests.client(base, structured: structured, retries: retries, timeout: timeout), offline: OfflinePlanner())
    }

    static func plan(_ planner: LLMPlanner, _ script: String = english, target: Rational? = nil, log: CallLog = CallLog(),
                     cache: ProviderCache? = nil, logger: Logger = Logger(label: "test")) async -> Result<Plan, ProviderError> {
        await blocking {
            let session = ProviderSession(stage: .plan, cache: cache, logger: logger) { log.record($0) }
            do throws(ProviderError) {
                return .success(try planner.plan(script, preset: .web720p, seed: 7, targetDuration: target, session: session))
            } catch {
                return .failure(error)
            }
        }
    }

    static func json(_ plan: Plan) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(plan), as: UTF8.self)
    }

    @Test func plansWithTheScriptsOwnSentencesAndTheModelsScenes() async throws {
        try await FakeChatServer.serving { server, base in
            let log = CallLog()
            let plan = try await Self.plan(Self.planner(base), log: log).get()
            let offline = try OfflinePlanner().plan(Self.english, preset: .web720p, seed: 7, targetDuration: nil)
            #expect(plan.title == offline.title && plan.language == .english && plan.preset == "web-720p" && plan.seed == 7)
            #expect(plan.scenes.flatMap(\.sentences) == offline.scenes.flatMap(\.sentences))
            #expect(plan.scenes.map(\.wordCount).reduce(0, +) == offline.scenes.map(\.wordCount).reduce(0, +))
            #expect(plan.scenes.allSatisfy { $0.visual?.hasPrefix("A wide shot") == true && !$0.keywords.isEmpty })
            // The author's heading wins over the model's; the model's heading elsewhere.
            #expect(plan.scenes.contains { $0.heading == "The storm" && $0.sentences.first == "Suddenly, the sky turns dark." })
            #expect(plan.scenes[0].heading == "The sun rises slowly")
            #expect(plan.scenes.contains { $0.mood == .dramatic && $0.transition == Preset.web720p.transition(for: .dramatic) })
            let cues = plan.scenes.flatMap { scene in scene.soundCues.map { (scene, $0) } }
            #expect(!cues.isEmpty)
            for (scene, cue) in cues {
                #expect(ScriptText.normalized(ScriptText.words(in: scene.text)[cue.wordIndex]) == cue.keyword)
            }
            try PlanValidator().validate(plan)
            // What was sent: the sentences numbered, the heading where it stands, the schema.
            let request = FakeChatServer.body(of: try #require(await server.requests().first))
            let prompt = try #require(FakeChatServer.messages(in: request).last?.content)
            #expect(prompt.contains("[1] The sun rises slowly over the quiet harbour.\n[2] Fishing boats"))
            #expect(prompt.contains("\n## The storm\n[6] Suddenly, the sky turns dark."))
            #expect(request["response_format"] != nil)
            #expect(log.all.map(\.purpose) == ["plan"] && log.all.map(\.outcome) == [.succeeded])
        }
    }

    @Test func theSameAnswerGivesTheSamePlan() async throws {
        try await FakeChatServer.serving { server, base in
            let first = try await Self.plan(Self.planner(base)).get()
            let second = try await Self.plan(Self.planner(base)).get()
            #expect(try Self.json(first) == Self.json(second))
            #expect(await server.requests().count == 2)
        }
    }

    @Test func plansFrenchAndPacesToATarget() async throws {
        try await FakeChatServer.serving { _, base in
            let plan = try await Self.plan(Self.planner(base), Self.french, target: Rational(25)).get()
            #expect(plan.language == .french && plan.estimatedDuration == Rational(25))
            #expect(plan.scenes.flatMap(\.sentences).contains("Il vérifie l'horloge : il est déjà trois heures."))
            #expect(plan.scenes.contains { $0.soundCues.contains { $0.category == .thunder && $0.keyword == "tonnerre" } })
        }
    }

    @Test func aServerWithoutStructuredOutputIsPlannedFromItsText() async throws {
        try await FakeChatServer.serving(.init(refusesStructuredOutput: true)) { server, base in
            let log = CallLog()
            let plan = try await Self.plan(Self.planner(base), log: log).get()
            #expect(plan.scenes.count > 1)
            let requests = await server.requests()
            #expect(requests.count == 2 && FakeChatServer.body(of: requests[1])["response_format"] == nil)
            #expect(log.all.map(\.outcome) == [.failed, .succeeded])
        }
    }

    /// A plan that skips sentence 2.
    static let gappy = #"{"scenes": [{"first_sentence": 1, "last_sentence": 1, "heading": "Dawn", "mood": "calm", "visual": "A harbour.", "sound_cues": []}, {"first_sentence": 3, "last_sentence": 10, "heading": "Rest", "mood": "calm", "visual": "A town.", "sound_cues": []}]}"#

    @Test func anInvalidPlanIsExplainedAndAskedForOnceMore() async throws {
        let counter = Counter()
        try await OpenAIChatClientTests.serving({ received in
            let answer = await counter.next() == 1 ? Self.gappy : FakeChatModel.answer(to: FakeChatServer.messages(in: FakeChatServer.body(of: received)))
            return FakeProviderServer.json(FakeChatServer.completion(answer))
        }) { server, base in
            let logs = LogCapture()
            let log = CallLog()
            let plan = try await Self.plan(Self.planner(base), log: log, logger: logs.logger()).get()
            #expect(plan.scenes.flatMap(\.sentences).count == 10)
            let requests = await server.requests()
            #expect(requests.count == 2)
            let retry = FakeChatServer.messages(in: FakeChatServer.body(of: requests[1]))
            #expect(retry.map(\.role) == ["system", "user", "assistant", "user"])
            #expect(retry[2].content == Self.gappy)
            #expect(retry[3].content.contains("scene 2 starts at sentence 3, but the scene before it ended at sentence 1"))
            #expect(log.all.map(\.outcome) == [.succeeded, .succeeded])
            #expect(logs.all.contains { $0.contains("asking once more") && $0.contains("scene 2 starts at sentence 3") })
        }
    }

    @Test func aPlanInvalidTwiceIsInvalidPlan() async throws {
        try await OpenAIChatClientTests.serving({ received in
            let first = FakeChatServer.messages(in: FakeChatServer.body(of: received)).count == 2
            return FakeProviderServer.json(FakeChatServer.completion(first ? Self.gappy : "Sorry, I cannot do that."))
        }) { server, base in
            let result = await Self.plan(Self.planner(base))
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .invalidPlan)
            #expect(error.message.contains("the answer holds no JSON object") && error.message.contains("scene 2 starts at sentence 3"))
            #expect(await server.requests().count == 2)
        }
    }

    @Test func aFailedCallIsTheProvidersErrorWithoutASecondAsk() async throws {
        try await OpenAIChatClientTests.serving({ _ in FakeProviderServer.json(#"{"choices": [{"message": {"content": 7}}]}"#) }) { server, base in
            let result = await Self.plan(Self.planner(base))
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .malformedReply)
            #expect(await server.requests().count == 1)
        }
    }

    @Test func aSlowModelTimesOut() async throws {
        try await OpenAIChatClientTests.serving({ _ in
            try await Task.sleep(nanoseconds: 30_000_000_000)
            return FakeProviderServer.json(FakeChatServer.completion("{}"))
        }) { _, base in
            let result = await Self.plan(Self.planner(base, timeout: 1))
            guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
            #expect(error.code == .timedOut)
        }
    }

    @Test func aScriptTheOfflinePlannerRefusesSendsNothing() async throws {
        try await FakeChatServer.serving { server, base in
            for (script, target) in [("  \n ", nil), (Self.english, Rational(-1)), ("# Only a title", nil)] as [(String, Rational?)] {
                let result = await Self.plan(Self.planner(base), script, target: target)
                guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
                #expect(error.code == .unsupported)
            }
            #expect(await server.requests().isEmpty)
        }
    }

    @Test func aCachedPlanCostsNothingTheSecondTime() async throws {
        let scratch = ScratchDirectory()
        try await FakeChatServer.serving { server, base in
            let log = CallLog()
            let cache = ProviderCache(directory: scratch.path + "/cache")
            let first = try await Self.plan(Self.planner(base), log: log, cache: cache).get()
            let second = try await Self.plan(Self.planner(base), log: log, cache: cache).get()
            #expect(try Self.json(first) == Self.json(second))
            #expect(await server.requests().count == 1)
            #expect(log.all.map(\.outcome) == [.succeeded, .cached])
            let paid = try #require(log.all.first)
            #expect(paid.units > 0 && paid.usd == paid.units * 0.5 / 1000 && log.all[1].usd == 0)
        }
    }

    @Test func noKeyInAnyLogLineThroughFallbackAndSecondAsk() async throws {
        let counter = Counter()
        try await OpenAIChatClientTests.serving({ received in
            let body = FakeChatServer.body(of: received)
            if body["response_format"] != nil {
                return FakeProviderServer.json(#"{"error": "no response_format for key \#(received.headers["authorization"] ?? "")"}"#, status: .badRequest)
            }
            let answer = await counter.next() == 1 ? Self.gappy : FakeChatModel.answer(to: FakeChatServer.messages(in: body))
            return FakeProviderServer.json(FakeChatServer.completion(answer))
        }) { _, base in
            let logs = LogCapture()
            let log = CallLog()
            _ = try await Self.plan(Self.planner(base), log: log, logger: logs.logger()).get()
            #expect(logs.all.count >= 3)
            #expect(!logs.all.contains { $0.contains(OpenAIChatClientTests.key) })
            #expect(!String(decoding: try JSONEncoder().encode(log.all), as: UTF8.self).contains(OpenAIChatClientTests.key))
        }
    }
}
