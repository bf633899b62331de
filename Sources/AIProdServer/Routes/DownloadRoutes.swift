import AIProdStore
import Foundation
import Hummingbird

/// `GET /pipeline/{id}/video|thumbnail|subtitles.srt|subtitles.vtt|plan|timeline|qa`: a job's
/// outputs from its folder, the video with `Range` (206, `Content-Range`, 416). Each download
/// is audited as `data_access`.
struct DownloadRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>
    let fileIO = FileIO()

    func register(on router: Router<APIRequestContext>) {
        for file in JobFile.all {
            router.get("/pipeline/{id}/\(file.route)") { request, context in try await download(file, request, context) }
        }
    }

    func download(_ file: JobFile, _ request: Request, _ context: APIRequestContext) async throws -> Response {
        let id = try JobIDParameter.read(context)
        _ = try await services.store { try $0.job(id) }
        let path = "\(services.settings.jobsDirectory)/\(id.rawValue)/\(file.fileName)"
        let size: Int64? = try await services.blocking.run {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.int64Value
            else { return nil }
            return size
        }
        guard let size else {
            throw APIError(.notFound, code: "not_found", "the job has no \(file.route) (yet)")
        }
        await services.audit(.dataAccess, context, resource: request.uri.path)
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        if file.ranges { headers[.acceptRanges] = "bytes" }
        let range = file.ranges ? ByteRange(header: request.headers[.range], size: size) : .whole
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return JSONResponse.make(
                ErrorBody(APIError(.rangeNotSatisfiable, code: "range_not_satisfiable", "the range is outside the file's \(size) bytes")),
                status: .rangeNotSatisfiable, headers: headers
            )
        case .whole:
            headers[.contentLength] = String(size)
            guard size > 0 else { return Response(status: .ok, headers: headers) }
            let body = try await fileIO.loadFile(path: path, context: context)
            return Response(status: .ok, headers: headers, body: body)
        case .partial(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            headers[.contentLength] = String(bytes.upperBound - bytes.lowerBound + 1)
            let body = try await fileIO.loadFile(path: path, range: Int(bytes.lowerBound)...Int(bytes.upperBound), context: context)
            return Response(status: .partialContent, headers: headers, body: body)
        }
    }
}
