import AIProdCore
import AIProdStore
import Foundation
import Hummingbird

/// `/pipeline/*`: submit, inspect, list, cancel and retry jobs, and the dry run.
struct PipelineRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>
    let submission: JobSubmission<Store, Planner, Prober>

    func register(on router: Router<APIRequestContext>) {
        router.post("/pipeline/run") { request, context in try await run(request, context) }
        router.post("/pipeline/plan") { request, context in try await plan(request, context) }
        router.get("/pipeline") { request, context in try await list(request, context) }
        router.get("/pipeline/{id}") { _, context in try await show(context) }
        router.post("/pipeline/{id}/cancel") { _, context in try await cancel(context) }
        router.post("/pipeline/{id}/retry") { _, context in try await retry(context) }
    }

    func run(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let spec = try await submission.readSpec(request, as: .script)
        return try await submission.enqueue(spec, request: request, context: context)
    }

    func plan(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let spec = try await submission.readSpec(request, as: .script)
        let (estimate, preset) = try await submission.estimate(spec)
        await services.audit(.costEstimated, context, resource: request.uri.path, detail: String(format: "%.4f USD", estimate.cost.usd))
        return JSONResponse.make(PlanView(plan: estimate.plan, preset: preset.name, cost: estimate.cost, etaSeconds: estimate.cost.etaSeconds))
    }

    func list(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let query = try PageQuery(request.uri.queryParameters, allowState: true)
        let page = try await services.store { try $0.jobs(state: query.state, limit: query.limit, cursor: query.cursor) }
        return JSONResponse.make(JobListView(jobs: page.jobs.map(JobView.init), next: page.next))
    }

    func show(_ context: APIRequestContext) async throws -> Response {
        let id = try JobIDParameter.read(context)
        let (job, calls) = try await services.store { store in (try store.job(id), try store.providerCalls(job: id)) }
        var view = JobView(job)
        view.providerCalls = calls
        view.remoteUsd = calls.reduce(0) { $0 + $1.usd }
        return JSONResponse.make(view)
    }

    func cancel(_ context: APIRequestContext) async throws -> Response {
        let id = try JobIDParameter.read(context)
        let job = try await services.store { try $0.cancel(id, now: Date()) }
        return JSONResponse.make(JobView(job))
    }

    func retry(_ context: APIRequestContext) async throws -> Response {
        let id = try JobIDParameter.read(context)
        let job = try await services.store { try $0.retry(id, now: Date()) }
        return JSONResponse.make(JobView(job))
    }
}

/// `POST /pipeline/plan`'s answer.
struct PlanView: Encodable, Sendable {
    var plan: Plan?
    var preset: String
    var cost: CostEstimate
    var etaSeconds: Double
}
