import AIProdStore
import Foundation
import Testing

@Suite("The audit log")
struct AuditTests {
    @Test("entries filter by type, time range and token, newest first, limited")
    func filters() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        for (index, type) in AuditType.allCases.enumerated() {
            try store.audit(
                AuditEntry(type: type, at: t0.addingTimeInterval(Double(index)), tokenName: index.isMultiple(of: 2) ? "alice" : "bob",
                           clientIP: "10.0.0.\(index)", resource: "/r/\(index)", detail: "d\(index)"))
        }
        let all = try store.auditEntries(AuditQuery(limit: 100))
        #expect(all.count == AuditType.allCases.count)
        #expect(all.map(\.type) == AuditType.allCases.reversed())
        #expect(all.allSatisfy { $0.id != nil })
        #expect(all.last?.clientIP == "10.0.0.0")
        #expect(all.last?.resource == "/r/0")
        #expect(all.last?.detail == "d0")

        #expect(try store.auditEntries(AuditQuery(type: .authFailure)).map(\.type) == [.authFailure])
        let range = try store.auditEntries(AuditQuery(since: t0.addingTimeInterval(2), until: t0.addingTimeInterval(5)))
        #expect(range.map(\.type) == [.authFailure, .authSuccess, .costEstimated])
        let bob = try store.auditEntries(AuditQuery(tokenName: "bob"))
        #expect(bob.count == AuditType.allCases.count / 2 && bob.allSatisfy { $0.tokenName == "bob" })
        #expect(try store.auditEntries(AuditQuery(type: .error, tokenName: "alice")).isEmpty)
        #expect(try store.auditEntries(AuditQuery(type: .error, tokenName: "bob")).count == 1)
        #expect(try store.auditEntries(AuditQuery(limit: 2)).map(\.type) == [.providerCall, .securityAlert])
        #expect(try store.auditEntries(AuditQuery(limit: -5)).count == 1)
    }

    @Test("the seed's nine types keep their names; provider calls are the tenth")
    func names() {
        #expect(AuditType.allCases.map(\.rawValue) == [
            "pipeline_run", "pipeline_result", "cost_estimated", "auth_success", "auth_failure", "config_change", "data_access", "error",
            "security_alert", "provider_call",
        ])
    }
}
