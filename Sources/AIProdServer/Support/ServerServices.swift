import AIProdCore
import AIProdStore
import Foundation
import Logging

/// What every handler shares: the store, the studio's dry-run planner, the upload prober, the
/// settings and the thread pool blocking calls run on. A value: handlers copy it freely.
struct ServerServices<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let store: Store
    let planner: Planner
    let prober: Prober
    let settings: ServerSettings
    let logger: Logger
    let blocking: Blocking
    let metrics: ServerMetrics
    let assets: AssetFolder

    /// Runs a store call off the event loop.
    func store<T: Sendable>(_ work: @escaping @Sendable (Store) throws -> T) async throws -> T {
        let store = self.store
        return try await blocking.run { try work(store) }
    }

    /// Appends an audit row; a failure to write it is logged, never shown to the client.
    func audit(_ type: AuditType, _ context: APIRequestContext, resource: String?, detail: String? = nil) async {
        let entry = AuditEntry(
            id: nil, type: type, at: Date(), tokenName: context.token?.name, clientIP: context.clientIP,
            resource: resource, detail: detail
        )
        do {
            try await store { try $0.audit(entry) }
        } catch {
            context.logger.error("audit write failed", metadata: ["type": "\(type.rawValue)", "error": "\(error)"])
        }
    }
}
