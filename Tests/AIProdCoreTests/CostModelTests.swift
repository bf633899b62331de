import Foundation
import AIProdCore
import Testing

@Suite("Cost model and budget")
struct CostModelTests {
    @Test("unmeasured presets take the benchmark's speed: 720p ≈ 0.25, 1080p ≈ 0.5 s per video second")
    func benchmarkDefaults() {
        #expect(abs(RenderSpeed.benchmarkDefault(for: .web720p) - 13.5 / 54.1) < 1e-9)
        #expect(abs(RenderSpeed.benchmarkDefault(for: .youtube1080p) - 27.2 / 54.1) < 1e-9)
        // Same pixels as 1080p; broadcast runs at 25 fps, so a little cheaper; square in between.
        #expect(abs(RenderSpeed.benchmarkDefault(for: .shorts9x16) - RenderSpeed.benchmarkDefault(for: .youtube1080p)) < 1e-9)
        #expect(RenderSpeed.benchmarkDefault(for: .broadcastEBU) < RenderSpeed.benchmarkDefault(for: .youtube1080p))
        #expect(RenderSpeed.benchmarkDefault(for: .square1x1) > RenderSpeed.benchmarkDefault(for: .web720p))
    }

    @Test("compute seconds at the hourly rate; a measured speed replaces the default")
    func compute() {
        var prices = CostsConfig()
        prices.computeUsdPerHour = 3.6   // $0.001 a second
        let model = CostModel(prices: prices)
        let estimate = model.estimate(CostInput(videoSeconds: 120, preset: .web720p), speed: 0.5)
        #expect(estimate.computeSeconds == 60)
        #expect(estimate.etaSeconds == 60)
        #expect(abs(estimate.usd - 0.06) < 1e-12)
        #expect(estimate.items == [CostLine(kind: "compute", units: 60, usd: estimate.usd)])

        let unmeasured = model.estimate(CostInput(videoSeconds: 54.1, preset: .youtube1080p))
        #expect(abs(unmeasured.computeSeconds - 27.2) < 1e-9)
    }

    @Test("remote units are priced per unit from [costs]")
    func remote() throws {
        let prices = try ServiceConfig.parse("""
        [costs]
        compute_usd_per_hour = 0
        llm_usd_per_1k_tokens = 0.002
        tts_usd_per_1k_chars = 0.015
        image_usd_each = 0.04
        video_usd_per_second = 0.1
        music_usd_per_track = 0.5
        """, file: "t.ini", environment: [:]).costs
        let usage = RemoteUsage(llmTokens: 5_000, ttsCharacters: 2_000, images: 3, videoSeconds: 10, musicTracks: 1)
        let estimate = CostModel(prices: prices).estimate(CostInput(videoSeconds: 30, preset: .web720p, remote: usage), speed: 1)
        let byKind = Dictionary(uniqueKeysWithValues: estimate.items.map { ($0.kind, $0) })
        #expect(byKind["compute"]?.usd == 0)
        #expect(abs((byKind["llm_tokens"]?.usd ?? 0) - 0.01) < 1e-12)
        #expect(abs((byKind["tts_characters"]?.usd ?? 0) - 0.03) < 1e-12)
        #expect(abs((byKind["images"]?.usd ?? 0) - 0.12) < 1e-12)
        #expect(abs((byKind["video_seconds"]?.usd ?? 0) - 1.0) < 1e-12)
        #expect(byKind["music_tracks"]?.usd == 0.5)
        #expect(abs(estimate.usd - 1.66) < 1e-12)
        // No remote units today: only the compute line.
        #expect(CostModel(prices: prices).estimate(CostInput(videoSeconds: 30, preset: .web720p)).items.map(\.kind) == ["compute"])
    }

    @Test("negative or non-finite amounts count as zero", arguments: [-5.0, .nan, .infinity, -.infinity])
    func hostileNumbers(value: Double) {
        let estimate = CostModel(prices: CostsConfig()).estimate(
            CostInput(videoSeconds: value, preset: .web720p, remote: RemoteUsage(images: value)), speed: value)
        #expect(estimate.usd == 0 && estimate.computeSeconds == 0 && estimate.items.count == 1)
    }

    @Test("the budget refuses a job that would go over the month's cap, with budget_exceeded")
    func budget() throws {
        var budget = BudgetConfig()
        #expect(throws: Never.self) { try BudgetCheck(budget: budget).check(estimateUsd: 1e9, spentUsd: 1e9) }
        budget.monthlyUsd = 10
        let check = BudgetCheck(budget: budget)
        #expect(throws: Never.self) { try check.check(estimateUsd: 4, spentUsd: 6) }
        do {
            try check.check(estimateUsd: 4.5, spentUsd: 6)
            Issue.record("over the cap passed")
        } catch {
            #expect(error.errorCode == "budget_exceeded" && error.category == .caller)
            #expect(error.errorMessage.contains("$4.50") && error.errorMessage.contains("$6.00") && error.errorMessage.contains("$10.00"))
        }
        #expect(throws: BudgetExceeded.self) { try check.check(estimateUsd: .nan, spentUsd: 10.01) }
    }
}
