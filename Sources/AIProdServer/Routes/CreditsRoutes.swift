import AIProdStore
import Foundation
import Hummingbird

/// `GET /pipeline/{id}/credits`: who made each piece of a published job's video and on what
/// terms — `credits.json` as publish wrote it, or with `?format=txt` the same for people to
/// read (`credits.txt`). Viewers may read it, like the job itself. A job that has not published
/// (or published before credits were kept) answers 404. Audited as `data_access`.
struct CreditsRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>
    let fileIO = FileIO()

    /// The two forms and their files.
    enum Format: String, CaseIterable {
        case json, txt

        var fileName: String { self == .json ? "credits.json" : "credits.txt" }
        var contentType: String { self == .json ? "application/json" : "text/plain; charset=utf-8" }
    }

    func register(on router: Router<APIRequestContext>) {
        router.get("/pipeline/{id}/credits") { request, context in try await credits(request, context) }
    }

    func credits(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let id = try JobIDParameter.read(context)
        let format = try Self.format(request.uri.queryParameters["format"].map(String.init))
        let job = try await services.store { try $0.job(id) }
        guard job.result != nil else {
            throw APIError(.notFound, code: "not_found", "the job has not published yet: its credits come with its video")
        }
        let path = "\(services.settings.jobsDirectory)/\(id.rawValue)/\(format.fileName)"
        let size: Int64? = try await services.blocking.run {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular
            else { return nil }
            return (attributes[.size] as? NSNumber)?.int64Value
        }
        guard let size else {
            throw APIError(.notFound, code: "not_found", "the job has no credits: it published before aiprod kept them")
        }
        await services.audit(.dataAccess, context, resource: request.uri.path)
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        headers[.contentLength] = String(size)
        guard size > 0 else { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: try await fileIO.loadFile(path: path, context: context))
    }

    /// `json` when absent; anything but `json` or `txt` is the caller's error.
    static func format(_ value: String?) throws(APIError) -> Format {
        guard let value else { return .json }
        guard let format = Format(rawValue: value) else {
            throw APIError.badRequest("invalid_value", "format must be json or txt", field: "format")
        }
        return format
    }
}
