import AIProdStore
import Hummingbird

/// One endpoint of the API as the middlewares and `/openapi.json` see it: its method, path
/// template, who may call it and what it can answer. ``RouteCatalog`` lists every one, and the
/// router registers exactly those, so auth rules, 405 answers and the spec cannot drift apart.
struct Route: Sendable, Hashable {
    var method: HTTPRequest.Method
    /// Hummingbird path template, `{id}` for a parameter.
    var path: String
    /// nil: open (no token needed).
    var role: TokenRole?
    var summary: String
    /// Status codes this route can answer besides the errors every route shares.
    var statuses: [Int]
    /// Query parameters it reads.
    var query: [String] = []
    /// Request body media type, if it takes one.
    var body: String? = nil
    /// Component schema of the request body (JSON bodies).
    var requestSchema: String? = nil
    /// Component schema of the success answer; nil for a non-JSON answer.
    var responseSchema: String? = nil
    /// Media type of the success answer.
    var produces: String = "application/json"
    /// Another media type the success answer can take, by a query parameter (`?format=txt`).
    var alsoProduces: String? = nil

    var parameterCount: Int { path.filter { $0 == "{" }.count }
}
