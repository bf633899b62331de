import AIProdCore
import AIProdStore
import Foundation
import Hummingbird

/// `/assets`: uploads (raw body with `?name=&tags=`, or multipart with `name`, `tags`, `file`),
/// streamed to `<data>/tmp`, typed by probing the content (415 if it is not media within
/// `[limits]`), stored by content hash; listing, reading and deleting records.
struct AssetRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>

    func register(on router: Router<APIRequestContext>) {
        router.post("/assets") { request, context in try await upload(request, context) }
        router.get("/assets") { request, _ in try await list(request) }
        router.get("/assets/{id}") { _, context in try await show(context) }
        router.delete("/assets/{id}") { _, context in try await delete(context) }
    }

    func upload(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let settings = services.settings
        if let declared = request.headers[.contentLength].flatMap(Int64.init), declared > settings.maxUploadBytes {
            throw APIError(.contentTooLarge, code: "content_too_large", "the upload is over \(settings.maxUploadBytes) bytes ([server] max_upload_bytes)")
        }
        try await services.checkDiskRoom(incoming: request.headers[.contentLength].flatMap(Int64.init) ?? 0)
        let query = request.uri.queryParameters
        let file = try await UploadFile(directory: settings.tempDirectory, maxBytes: settings.maxUploadBytes, blocking: services.blocking)
        var name = query.get("name")
        var tags = query.get("tags")
        if let boundary = request.headers[.contentType].flatMap(MultipartUpload.boundary(contentType:)) {
            let multipart = MultipartUpload(boundary: boundary, file: file)
            for try await buffer in request.body { try await multipart.consume(buffer) }
            try multipart.finish()
            guard multipart.sawFile else {
                throw APIError.badRequest("missing_field", "the multipart body has no 'file' part", field: "file")
            }
            name = multipart.fields["name"] ?? name ?? multipart.fileName
            tags = multipart.fields["tags"] ?? tags
        } else {
            for try await buffer in request.body { try await file.append(buffer) }
        }
        let assetName = try AssetName.validate(name: name ?? "upload")
        let assetTags = try AssetName.tags(tags)
        guard file.bytes > 0 else { throw APIError.badRequest("empty_upload", "the upload is empty", field: "file") }
        let bytes = file.bytes
        let sha256 = try await file.finish()
        let temp = file.path
        do {
            let (record, created) = try await store(temp: temp, sha256: sha256, name: assetName, tags: assetTags, bytes: bytes)
            return JSONResponse.make(record, status: created ? .created : .ok, headers: [.location: "/assets/\(record.id)"])
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error
        }
    }

    /// Probes, then files the bytes by hash and indexes them; an asset already stored keeps
    /// its record (the temp file is dropped).
    private func store(temp: String, sha256: String, name: String, tags: [String], bytes: Int64) async throws -> (AssetRecord, Bool) {
        let prober = services.prober
        let limits = services.settings.limits
        let kind: AssetKind
        do {
            kind = try await services.blocking.run { try prober.kind(ofFile: temp, limits: limits) }
        } catch let error as any CategorizedError where error.category == .caller {
            // The prober names the file it read: the client must not learn the server's paths.
            let reason = error.errorMessage.replacingOccurrences(of: temp, with: "the upload")
            throw APIError(.unsupportedMediaType, code: "unsupported_media", "not an image, video or audio file this server accepts: \(reason)", field: "file")
        }
        let folder = services.assets
        return try await services.store { store in
            do {
                let existing = try store.asset(sha256)
                try? FileManager.default.removeItem(atPath: temp)
                return (existing, false)
            } catch let error as StoreError where error.errorCode == "not_found" {
                _ = try folder.adopt(tempFile: temp, sha256: sha256)
                let record = AssetRecord(id: sha256, name: name, tags: tags, kind: kind, bytes: bytes, createdAt: Date())
                return (try store.addAsset(record), true)
            }
        }
    }

    func list(_ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let limit = try PageQuery.limit(query)
        let cursor = query.get("cursor")
        if let cursor, cursor.isEmpty || cursor.utf8.count > 256 {
            throw APIError.badRequest("invalid_value", "cursor is not one this server gave", field: "cursor")
        }
        let assets = try await services.store { try $0.assets(limit: limit, cursor: cursor) }
        return JSONResponse.make(AssetListView(assets: assets, next: assets.count == limit ? assets.last?.id : nil))
    }

    func show(_ context: APIRequestContext) async throws -> Response {
        let id = try Self.assetID(context)
        return JSONResponse.make(try await services.store { try $0.asset(id) })
    }

    func delete(_ context: APIRequestContext) async throws -> Response {
        let id = try Self.assetID(context)
        let folder = services.assets
        try await services.store { store in
            try store.deleteAsset(id)
            folder.remove(id)
        }
        return Response(status: .noContent)
    }

    static func assetID(_ context: APIRequestContext) throws -> String {
        guard let id = context.parameters.get("id"), AssetID.isValid(id) else { throw APIError.notFound("asset") }
        return id
    }
}

/// A page of assets; `next` is the cursor of the following page.
struct AssetListView: Encodable, Sendable {
    var assets: [AssetRecord]
    var next: String?
}
