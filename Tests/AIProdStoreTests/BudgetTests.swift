import AIProdCore
import AIProdStore
import Foundation
import Testing

@Suite("The monthly budget")
struct BudgetTests {
    static func estimate(_ usd: Double) -> CostEstimate {
        CostEstimate(computeSeconds: 10, usd: usd, etaSeconds: 10, items: [CostItem(kind: "compute_seconds", units: 10, usd: usd)])
    }

    @Test("a job whose estimate takes the month past the budget is refused; spend and unfinished estimates both count")
    func budget() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        func submit(_ usd: Double, key: String? = nil) throws -> (job: JobRecord, created: Bool) {
            try store.enqueue(JobSpec(script: "x"), options: EnqueueOptions(idempotencyKey: key, estimate: Self.estimate(usd), monthlyBudgetUSD: 1.0))
        }
        let first = try submit(0.6, key: "first")
        #expect { try submit(0.5) } throws: {
            ($0 as? StoreError)?.code == .budgetExceeded && ($0 as? StoreError)?.category == .caller
        }
        #expect(try store.counts()[.queued] == 1)
        // A repeat of an accepted request is the same job, not a new charge.
        #expect(try submit(0.6, key: "first").job.id == first.job.id)

        _ = try #require(try store.claim(worker: "w", now: Date()))
        try store.succeed(first.job.id, worker: "w", result: Samples.result, costs: [CostItem(kind: "compute_seconds", units: 5, usd: 0.3)], now: Date())
        #expect(try submit(0.5).created)
        #expect { try submit(0.3) } throws: { ($0 as? StoreError)?.code == .budgetExceeded }
        // No budget: anything goes.
        #expect(try store.enqueue(JobSpec(script: "x"), options: EnqueueOptions(estimate: Self.estimate(100))).created)
        #expect(try store.enqueue(JobSpec(script: "x"), options: EnqueueOptions(estimate: Self.estimate(100), monthlyBudgetUSD: 0)).created)
    }
}
