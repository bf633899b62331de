import AIProdCore
import AIProdStore
import Foundation
import Testing

@Suite("Provider calls on the job, its cost, the budget and the audit log")
struct ProviderCallTests {
    static func call(_ outcome: String, usd: Double, units: Double = 1_200, error: String? = nil) -> ProviderCallRecord {
        ProviderCallRecord(
            provider: "kokoro", kind: "openai-speech", stage: "narrate", purpose: "narration", startedAt: Date(timeIntervalSince1970: 1_800_000_000),
            seconds: 1.5, attempts: outcome == "cached" ? 0 : 1, units: units, unit: "characters", usd: usd, outcome: outcome,
            errorCode: error, message: error.map { "\($0) happened" }, costKind: "tts_characters")
    }

    @Test("each call is a row, a paid one a cost row the month's spend counts at once, and an audit row in the submitter's name")
    func recorded() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let job = try store.enqueue(JobSpec(script: "x"), options: EnqueueOptions(tokenName: "alice")).job
        let before = try store.spend(monthOf: Date())
        try store.recordProviderCall(job.id, Self.call("succeeded", usd: 0.018))
        try store.recordProviderCall(job.id, Self.call("cached", usd: 0))
        try store.recordProviderCall(job.id, Self.call("failed", usd: 0, units: 0, error: "provider_timed_out"))
        let calls = try store.providerCalls(job: job.id)
        #expect(calls.map(\.outcome) == ["succeeded", "cached", "failed"])
        #expect(calls[2].errorCode == "provider_timed_out" && calls[0].units == 1_200 && calls[0].seconds == 1.5)
        #expect(try store.costs(job: job.id).map(\.kind) == ["tts_characters"])
        #expect(abs(try store.spend(monthOf: Date()) - before - 0.018) < 1e-12)
        let audit = try store.auditEntries(AuditQuery(type: .providerCall))
        #expect(audit.count == 3 && audit.allSatisfy { $0.tokenName == "alice" && $0.resource == job.id.rawValue })
        #expect(audit.contains { $0.detail?.contains("outcome=failed") == true && $0.detail?.contains("error=provider_timed_out") == true })
    }

    @Test("a call for an unknown job or with a non-finite number is refused and nothing is written")
    func refused() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        #expect(throws: StoreError.self) { try store.recordProviderCall(JobID(), Self.call("succeeded", usd: 1)) }
        let job = try store.enqueue(JobSpec(script: "x"), options: EnqueueOptions()).job
        #expect(throws: StoreError.self) { try store.recordProviderCall(job.id, Self.call("succeeded", usd: .nan)) }
        #expect(throws: StoreError.self) { try store.recordProviderCall(job.id, Self.call("succeeded", usd: -1)) }
        #expect(try store.providerCalls(job: job.id).isEmpty)
        #expect(try store.auditEntries(AuditQuery(type: .providerCall)).isEmpty)
    }
}
