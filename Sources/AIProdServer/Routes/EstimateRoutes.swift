import AIProdCore
import AIProdStore
import Foundation
import Hummingbird

/// `POST /cost/estimate` (price and ETA of a run request) and `POST /timeline/render` (a
/// Timeline whose media files are asset ids).
struct EstimateRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>
    let submission: JobSubmission<Store, Planner, Prober>

    func register(on router: Router<APIRequestContext>) {
        router.post("/cost/estimate") { request, context in try await estimate(request, context) }
        router.post("/timeline/render") { request, context in try await renderTimeline(request, context) }
    }

    func estimate(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let spec = try await submission.readSpec(request, as: .script)
        let (estimate, preset) = try await submission.estimate(spec)
        let cap = services.settings.monthlyBudgetUsd
        let spent = try await services.store { try $0.spend(monthOf: Date()) }
        await services.audit(.costEstimated, context, resource: request.uri.path, detail: String(format: "%.4f USD", estimate.cost.usd))
        return JSONResponse.make(EstimateView(
            preset: preset.name, cost: estimate.cost, etaSeconds: estimate.cost.etaSeconds,
            budget: EstimateView.Budget(monthlyUsd: cap, spentUsd: spent, remainingUsd: cap > 0 ? max(0, cap - spent) : nil,
                                        withinBudget: cap <= 0 || spent + estimate.cost.usd <= cap)
        ))
    }

    func renderTimeline(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        var spec = try await submission.readSpec(request, as: .timeline)
        guard let timeline = spec.timeline else { throw APIError.badRequest("missing_field", "required field is missing", field: "timeline") }
        let references = TimelineAssets.references(in: timeline)
        for reference in references where !AssetID.isValid(reference.id) {
            throw APIError.invalid("media files are asset ids (upload with POST /assets)", field: "timeline." + reference.field)
        }
        try await submission.checkAssetsNamed(references)
        spec.assetIds = Array(Set(spec.assetIds + references.map(\.id))).sorted()
        return try await submission.enqueue(spec, request: request, context: context)
    }
}

struct EstimateView: Encodable, Sendable {
    struct Budget: Encodable, Sendable {
        var monthlyUsd: Double
        var spentUsd: Double
        var remainingUsd: Double?
        var withinBudget: Bool
    }

    var preset: String
    var cost: CostEstimate
    var etaSeconds: Double
    var budget: Budget
}
