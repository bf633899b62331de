import AIProdStore
import Hummingbird

/// Reads the `{id}` path parameter as a ``JobID``. Anything not shaped like one is a 404
/// without touching the database.
enum JobIDParameter {
    static func read(_ context: APIRequestContext) throws -> JobID {
        guard let raw = context.parameters.get("id"), let id = JobID(rawValue: raw) else {
            throw APIError.notFound("job")
        }
        return id
    }
}
