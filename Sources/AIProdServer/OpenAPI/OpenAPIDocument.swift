import AIProdCore
import AIProdStore
import Foundation

/// `/openapi.json`, generated from ``RouteCatalog`` (the same table the router and the auth
/// middleware use, so the document lists exactly the routes served). Every route documents its
/// own answers, 401/403 where a token is needed, and a `default` error in the one error shape.
enum OpenAPIDocument {
    static func json(version: String) -> Data {
        let document: [String: Any] = [
            "openapi": "3.0.3",
            "info": [
                "title": "aiprod",
                "version": version,
                "description": "Script-to-video jobs. Errors are always {\"error\": {\"code\", \"message\", \"field\"?}}.",
            ],
            "components": [
                "schemas": OpenAPISchemas.all.merging(["AnyObject": ["type": "object"]]) { $1 },
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
            "paths": paths(),
        ]
        let options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        return (try? JSONSerialization.data(withJSONObject: document, options: options)) ?? Data("{}".utf8)
    }

    static func paths() -> [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in RouteCatalog.all {
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation(route)
        }
        return paths
    }

    static func operation(_ route: Route) -> [String: Any] {
        var operation: [String: Any] = [
            "summary": route.summary,
            "operationId": operationID(route),
            "responses": responses(route),
        ]
        var parameters: [[String: Any]] = []
        if route.path.contains("{id}") {
            parameters.append(["name": "id", "in": "path", "required": true, "schema": ["type": "string"]])
        }
        for name in route.query {
            parameters.append(["name": name, "in": "query", "required": false, "schema": querySchema(name, route: route)])
        }
        if route.method == .post, ["/pipeline/run", "/timeline/render"].contains(route.path) {
            parameters.append(["name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string", "minLength": 1, "maxLength": 200]])
        }
        if !parameters.isEmpty { operation["parameters"] = parameters }
        if let schema = route.requestSchema {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": OpenAPISchemas.ref(schema)]]]
        } else if route.path == "/assets", route.method == .post {
            operation["requestBody"] = ["required": true, "content": [
                "application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
                "multipart/form-data": ["schema": OpenAPISchemas.object([
                    "file": ["type": "string", "format": "binary"], "name": OpenAPISchemas.string, "tags": OpenAPISchemas.string,
                ], required: ["file"])],
            ]]
        }
        operation["security"] = route.role == nil ? [] : [["bearer": []]]
        return operation
    }

    static func responses(_ route: Route) -> [String: Any] {
        var responses: [String: Any] = [:]
        var statuses = route.statuses
        if route.role != nil { statuses.append(401) }
        if let role = route.role, role != .viewer { statuses.append(403) }
        for status in Set(statuses) {
            responses[String(status)] = response(route, status: status)
        }
        responses["default"] = ["description": "error", "content": ["application/json": ["schema": OpenAPISchemas.ref("Error")]]]
        return responses
    }

    static func response(_ route: Route, status: Int) -> [String: Any] {
        let error: [String: Any] = ["description": "error", "content": ["application/json": ["schema": OpenAPISchemas.ref("Error")]]]
        switch status {
        case 204: return ["description": "done, no content"]
        case 303: return ["description": "the token is good: its cookie is set, and the answer redirects to the page"]
        case 503 where route.path == "/health": break
        case 400...: return error
        default: break
        }
        let description = status == 202 ? "queued" : status == 206 ? "part of the file" : "success"
        if let schema = route.responseSchema {
            var content: [String: Any] = ["application/json": ["schema": OpenAPISchemas.ref(schema)]]
            if let other = route.alsoProduces { content[other] = ["schema": ["type": "string"]] }
            return ["description": description, "content": content]
        }
        return ["description": description, "content": [route.produces: ["schema": ["type": "string"]]]]
    }

    static func querySchema(_ name: String, route: Route) -> [String: Any] {
        switch name {
        case "limit": ["type": "integer", "minimum": 1, "maximum": PageQuery.maxLimit]
        case "state": OpenAPISchemas.enumeration(JobState.allCases.map(\.rawValue))
        case "type": OpenAPISchemas.enumeration(AuditType.allCases.map(\.rawValue))
        case "since", "until": ["type": "string", "description": "ISO 8601 (2026-01-31T12:00:00Z) or Unix seconds"]
        case "token" where route.path == "/status": ["type": "string", "minLength": 1, "maxLength": 512, "description": "a token's secret, traded for a cookie"]
        case "token": ["type": "string", "pattern": TokenName.pattern]
        case "cursor" where route.path == "/assets": ["type": "string", "pattern": "^[0-9a-f]{64}$"]
        case "cursor": ["type": "string", "minLength": 1, "maxLength": 256, "description": "the `next` of the previous page, as given"]
        case "format": OpenAPISchemas.enumeration(["json", "txt"])
        case "name": ["type": "string", "pattern": AssetName.pattern]
        case "tags": ["type": "string", "pattern": AssetName.tagsPattern]
        default: ["type": "string"]
        }
    }

    static func operationID(_ route: Route) -> String {
        let words = route.path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
        return route.method.rawValue.lowercased() + words.joined()
    }
}
