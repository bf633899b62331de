import AIProdStore
import Hummingbird

/// `GET /pipeline/{id}/events`: server-sent events (`curl -N`).
struct EventRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>

    func register(on router: Router<APIRequestContext>) {
        router.get("/pipeline/{id}/events") { _, context in try await events(context) }
    }

    func events(_ context: APIRequestContext) async throws -> Response {
        let id = try JobIDParameter.read(context)
        let subscription = services.store.events.subscribe(id)
        let job = try await services.store { try $0.job(id) }
        let body = JobEventStream.make(id: id, subscription: subscription, current: job)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody(asyncSequence: body))
    }
}
