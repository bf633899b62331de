import AIProdStore
import Foundation
import Testing

@Suite("Bearer tokens")
struct TokenTests {
    @Test("a token's secret authenticates it, once created; the record never holds the secret")
    func createAndAuthenticate() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let now = Date()
        let (secret, record) = try store.createToken(name: "studio-admin", role: .admin, now: now)
        #expect(secret.hasPrefix("aip_" + record.prefix + "_"))
        #expect(secret.count == 4 + 8 + 1 + 43)
        #expect(record.role == .admin)
        #expect(record.lastUsedAt == nil)
        let found = try #require(try store.authenticate(secret: secret, now: now))
        #expect(found.id == record.id)
        #expect(found.name == "studio-admin")
        #expect(found.lastUsedAt == now)
        #expect(try store.tokens().map(\.id) == [record.id])

        // The file holds no secret: only its hash.
        try store.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.databasePath))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: fixture.databasePath + "-wal"))) ?? Data()
        let secretPart = Data(secret.utf8.suffix(43))
        #expect(bytes.range(of: secretPart) == nil)
        #expect(wal.range(of: secretPart) == nil)
    }

    @Test("a wrong, malformed or revoked secret authenticates nothing")
    func badSecrets() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let (secret, record) = try store.createToken(name: "producer", role: .producer, now: Date())
        var wrong = Array(secret)
        wrong[wrong.count - 1] = wrong[wrong.count - 1] == "A" ? "B" : "A"
        #expect(try store.authenticate(secret: String(wrong), now: Date()) == nil)
        #expect(try store.authenticate(secret: "", now: Date()) == nil)
        #expect(try store.authenticate(secret: "aip_", now: Date()) == nil)
        #expect(try store.authenticate(secret: secret + "x", now: Date()) == nil)
        #expect(try store.authenticate(secret: "aip_" + record.prefix + "_' OR 1=1 --" + String(repeating: "a", count: 31), now: Date()) == nil)
        // Another token's prefix with this one's random part.
        let (other, _) = try store.createToken(name: "viewer", role: .viewer, now: Date())
        let spliced = String(other.prefix(13)) + String(secret.suffix(43))
        #expect(try store.authenticate(secret: spliced, now: Date()) == nil)

        let revoked = try store.revokeToken(id: record.id, now: Date())
        #expect(revoked.revokedAt != nil)
        #expect(try store.authenticate(secret: secret, now: Date()) == nil)
        #expect(try store.authenticate(secret: other, now: Date()) != nil)
        #expect { try store.revokeToken(id: "tok_missing", now: Date()) } throws: { ($0 as? StoreError)?.code == .notFound }
        #expect { try store.createToken(name: "", role: .viewer, now: Date()) } throws: { ($0 as? StoreError)?.code == .invalidValue }
    }

    @Test("last_used_at is written at most once a minute")
    func lastUsedThrottle() throws {
        let fixture = try StoreFixture()
        let store = fixture.store
        let t0 = Date(timeIntervalSince1970: 1_800_000_000)
        let (secret, record) = try store.createToken(name: "ci", role: .viewer, now: t0)
        _ = try store.authenticate(secret: secret, now: t0)
        _ = try store.authenticate(secret: secret, now: t0.addingTimeInterval(30))
        #expect(try store.tokens().first { $0.id == record.id }?.lastUsedAt == t0)
        _ = try store.authenticate(secret: secret, now: t0.addingTimeInterval(59))
        #expect(try store.tokens().first { $0.id == record.id }?.lastUsedAt == t0)
        _ = try store.authenticate(secret: secret, now: t0.addingTimeInterval(61))
        #expect(try store.tokens().first { $0.id == record.id }?.lastUsedAt == t0.addingTimeInterval(61))
    }

    @Test("roles are ordered viewer < producer < admin")
    func roles() {
        #expect(TokenRole.viewer < .producer && TokenRole.producer < .admin)
        #expect(TokenRole.allCases.sorted() == [.viewer, .producer, .admin])
    }
}
