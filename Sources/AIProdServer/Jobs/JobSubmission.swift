import AIProdCore
import AIProdStore
import Foundation
import HTTPTypes
import Hummingbird

/// The steps every job-creating endpoint shares: read the body strictly, validate, check the
/// asset ids exist, price it by a dry run, refuse it over the monthly budget, and enqueue it
/// (one store transaction, idempotent by `Idempotency-Key`).
struct JobSubmission<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>

    var validator: JobSpecValidator {
        JobSpecValidator(limits: services.settings.limits, defaultPreset: services.settings.defaultPreset)
    }

    func readSpec(_ request: Request, as kind: JobRequestDecoder.Kind) async throws -> JobSpec {
        let data = try await BodyReader(maxBytes: services.settings.maxBodyBytes).read(request)
        let spec = try JobRequestDecoder(limits: services.settings.limits.documents).decode(data, as: kind)
        try validator.validate(spec)
        _ = try validator.preset(for: spec)
        try await checkAssets(spec.assetIds, field: "asset_ids")
        return spec
    }

    /// Every id must name a stored asset: 422 naming the first that does not.
    func checkAssets(_ ids: [String], field: String) async throws {
        guard !ids.isEmpty else { return }
        let missing: Int? = try await services.store { store in
            for (index, id) in ids.enumerated() {
                do {
                    _ = try store.asset(id)
                } catch let error as StoreError where error.errorCode == "not_found" {
                    return index
                }
            }
            return nil
        }
        if let missing {
            throw APIError(.unprocessableContent, code: "unknown_asset", "no asset with this id", field: "\(field)[\(missing)]")
        }
    }

    /// A Timeline's media references must each name a stored asset: 422 naming the field.
    func checkAssetsNamed(_ references: [TimelineAssets.Reference]) async throws {
        let ids = references.map(\.id)
        let missing: Int? = try await services.store { store in
            for (index, id) in ids.enumerated() {
                do {
                    _ = try store.asset(id)
                } catch let error as StoreError where error.errorCode == "not_found" {
                    return index
                }
            }
            return nil
        }
        if let missing {
            throw APIError(.unprocessableContent, code: "unknown_asset", "no asset with this id", field: "timeline." + references[missing].field)
        }
    }

    /// The dry run: plan and price, with this machine's measured speed for the ETA.
    func estimate(_ spec: JobSpec) async throws -> (JobEstimate, Preset) {
        let preset = try validator.preset(for: spec)
        let planner = services.planner
        let speed = try await services.store { try $0.speed(preset: preset.name) }
        let estimate = try await services.blocking.run { try planner.estimate(spec, preset: preset, secondsPerVideoSecond: speed) }
        return (estimate, preset)
    }

    /// Refuses a job whose price would take this month's spend over `[budget] monthly_usd`.
    func checkBudget(_ cost: CostEstimate) async throws {
        let cap = services.settings.monthlyBudgetUsd
        guard cap > 0 else { return }
        let spent = try await services.store { try $0.spend(monthOf: Date()) }
        if spent + cost.usd > cap {
            throw APIError(
                .paymentRequiredStatus, code: "budget_exceeded",
                String(format: "this job (%.2f USD) would take the month's spend (%.2f USD) over the budget of %.2f USD", cost.usd, spent, cap)
            )
        }
    }

    func enqueue(_ spec: JobSpec, request: Request, context: APIRequestContext) async throws -> Response {
        let key = try Self.idempotencyKey(request)
        try await services.checkDiskRoom()
        let (estimate, _) = try await estimate(spec)
        try await checkBudget(estimate.cost)
        let options = EnqueueOptions(
            idempotencyKey: key, tokenName: context.token?.name, clientIP: context.clientIP,
            maxAttempts: services.settings.maxAttempts, estimate: estimate.cost,
            // The store checks again inside the enqueue's transaction: two requests at once
            // cannot both slip under the cap.
            monthlyBudgetUSD: services.settings.monthlyBudgetUsd > 0 ? services.settings.monthlyBudgetUsd : nil,
            traceID: context.traceID
        )
        let (job, created) = try await services.store { try $0.enqueue(spec, options: options) }
        var headers = HTTPFields()
        headers[.location] = "/pipeline/\(job.id.rawValue)"
        return JSONResponse.make(JobView(job), status: created ? .accepted : .ok, headers: headers)
    }

    /// `Idempotency-Key`: 1…200 visible ASCII characters.
    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let name = HTTPField.Name("Idempotency-Key"), let key = request.headers[name] else { return nil }
        guard (1...200).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw APIError.badRequest("invalid_value", "Idempotency-Key must be 1 to 200 visible ASCII characters", field: "Idempotency-Key")
        }
        return key
    }
}
