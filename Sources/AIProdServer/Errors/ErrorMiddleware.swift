import AIProdStore
import Foundation
import Hummingbird

/// The outermost middleware: turns every error into the API's JSON shape with its status,
/// answers 405 (with `Allow`) for a known path with the wrong method, audits and logs 5xx, and
/// times every answer for `/metrics` (by route template, method and status).
struct ErrorMiddleware<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: RouterMiddleware {
    typealias Context = APIRequestContext

    let services: ServerServices<Store, Planner, Prober>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        services.metrics.requestStarted()
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = await self.response(for: error, request: request, context: context)
        }
        // A streamed body (events, video) is timed to its head: the stream's length is the client's.
        let (route, method) = Self.metricLabels(request)
        let elapsed = (ContinuousClock.now - started).components
        services.metrics.requestEnded(route: route, method: method, status: response.status.code,
                                      seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
        return response
    }

    /// The route template and method a request is counted under. A path no route serves is
    /// `unmatched`, and a method the API does not use `other`: outside text never becomes a
    /// label, so a scan of random paths cannot grow the registry.
    static func metricLabels(_ request: Request) -> (route: String, method: String) {
        let path = Substring(request.uri.path)
        if let route = RouteCatalog.route(method: request.method, path: path) {
            return (route.path, route.method.rawValue)
        }
        let known: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]
        return ("unmatched", known.contains(request.method) ? request.method.rawValue : "other")
    }

    private func response(for error: any Error, request: Request, context: Context) async -> Response {
        var apiError = APIError(error)
        var headers = HTTPFields()
        let path = Substring(request.uri.path)
        if apiError.status == .notFound, error is HTTPError, RouteCatalog.route(method: request.method, path: path) == nil {
            let allowed = RouteCatalog.methods(path: path)
            if allowed.isEmpty {
                apiError = APIError(.notFound, code: "not_found", "no route \(request.method.rawValue) \(request.uri.path)")
            } else {
                apiError = APIError(.methodNotAllowed, code: "method_not_allowed", "\(request.method.rawValue) is not allowed on \(request.uri.path)")
                headers[.allow] = allowed.map { $0.rawValue }.joined(separator: ", ")
            }
        }
        if apiError.status == .unauthorized {
            headers[.wwwAuthenticate] = "Bearer"
        }
        if apiError.status == .insufficientStorage {
            // A refusal by `[storage]`'s rules, not a failure: the operator should see it, once per request.
            context.logger.warning("request refused for disk space", metadata: ["path": "\(request.uri.path)", "code": "\(apiError.code)"])
        } else if apiError.status.code >= 500 {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            await services.audit(.error, context, resource: request.uri.path, detail: "\(apiError.code): \(error)")
        }
        return JSONResponse.make(ErrorBody(apiError), status: apiError.status, headers: headers)
    }
}
