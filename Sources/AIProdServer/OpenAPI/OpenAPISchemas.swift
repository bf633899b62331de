import AIProdCore
import AIProdStore

/// The component schemas of `/openapi.json`. Request schemas are closed (`additionalProperties:
/// false`) because the server refuses unknown fields; answer schemas list what is sent.
enum OpenAPISchemas {
    static func object(_ properties: [String: Any], required: [String] = [], closed: Bool = false) -> [String: Any] {
        var schema: [String: Any] = ["type": "object", "properties": properties]
        if !required.isEmpty { schema["required"] = required }
        if closed { schema["additionalProperties"] = false }
        return schema
    }

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static var string: [String: Any] { ["type": "string"] }
    static var number: [String: Any] { ["type": "number"] }
    static var integer: [String: Any] { ["type": "integer"] }
    static var boolean: [String: Any] { ["type": "boolean"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static func nullable(_ schema: [String: Any]) -> [String: Any] { schema.merging(["nullable": true]) { $1 } }
    static func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    static func enumeration(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    static var all: [String: Any] {
        let jobStates = JobState.allCases.map(\.rawValue)
        let stages = StageName.allCases.map(\.rawValue)
        let rational: [String: Any] = [
            "oneOf": [
                ["type": "number", "exclusiveMinimum": true, "minimum": 0, "maximum": 21600] as [String: Any],
                ["type": "string", "pattern": "^[1-9][0-9]{0,4}(/[1-9][0-9]{0,4})?$"] as [String: Any],
            ],
            "description": "seconds, at most 6 hours: a number or an exact fraction such as \"10/3\"",
        ]
        let baseProperties: [String: Any] = [
            "script": ["type": "string", "pattern": "\\S", "description": "the text to plan and narrate, as written (or give `prompt`)"],
            "prompt": ["type": "string", "pattern": "\\S",
                       "description": "what the video is about: an LLM of [studio] planner writes the script from it; with none, it is narrated as the script"],
            "providers": object([
                "planner": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$", "description": "a name in [studio] planner to start from, or offline"],
                "voice": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$", "description": "a name in [studio] voice to start from, or offline"],
                "visuals": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$", "description": "a name in [studio] visuals to start from, or offline"],
                "motion": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$", "description": "a name in [studio] motion to start from, or offline"],
                "effects": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$", "description": "a name in [studio] effects to start from, or offline"],
                "music": ["type": "string", "pattern": "^[a-z0-9][a-z0-9_-]{0,31}$", "description": "a name in [studio] music to start from, or offline"],
            ], closed: true),
            "style": ["type": "string", "maxLength": 500, "description": "words added to every generated picture's prompt"],
            "short_videos": enumeration(ShortVideoFit.allCases.map(\.rawValue)),
            "credit_roll": boolean,
            "title": ["type": "string", "maxLength": 200],
            "language": enumeration(Language.allCases.map(\.rawValue)),
            "preset": enumeration(Preset.builtin.map(\.name)),
            "aspect_ratio": enumeration(AspectRatio.allCases.map(\.rawValue)),
            "duration": rational,
            "seed": ["type": "integer", "minimum": 0, "maximum": 9_007_199_254_740_991],
            "voice": ["type": "string", "pattern": "^[A-Za-z0-9_+-]{1,64}$"],
            "music": object([
                "mood": enumeration(Mood.allCases.map(\.rawValue)),
                "volume_db": ["type": "number", "minimum": -40, "maximum": 12],
                "enabled": boolean,
            ], closed: true),
            "effects": boolean,
            "subtitles": object(["burn": boolean, "export": boolean], closed: true),
            "asset_ids": array(["type": "string", "pattern": "^[0-9a-f]{64}$"]),
            "webhook_url": ["type": "string", "pattern": "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$", "maxLength": 2048],
            "priority": ["type": "integer", "minimum": -100, "maximum": 100],
        ]
        // Absent and null are the same to the server (the default applies).
        let runProperties = baseProperties.mapValues { (value: Any) -> Any in
            guard var schema = value as? [String: Any] else { return value }
            schema["nullable"] = true
            return schema
        }
        var timelineProperties = runProperties
        timelineProperties["script"] = nil
        timelineProperties["prompt"] = nil
        timelineProperties["timeline"] = ["type": "object", "description": "a Timeline (see docs/TIMELINE.md) whose media files are asset ids"]
        return [
            "Error": object(["error": object(["code": string, "message": string, "field": string], required: ["code", "message"])], required: ["error"]),
            "RunRequest": object(runProperties, closed: true).merging([
                "oneOf": [["required": ["script"]], ["required": ["prompt"]]],
            ]) { $1 },
            "TimelineRequest": object(timelineProperties, required: ["timeline"], closed: true),
            "CostEstimate": object([
                "compute_seconds": number, "usd": number, "eta_seconds": number,
                "items": array(object(["kind": string, "units": number, "usd": number, "provider": string])),
            ]),
            "Job": object([
                "id": string, "state": enumeration(jobStates), "stage": enumeration(stages), "progress": number,
                "attempts": integer, "max_attempts": integer, "priority": integer, "cancel_requested": boolean,
                "error": object(["code": string, "message": string, "field": string, "category": string, "stage": string]),
                "title": string, "created_at": dateTime, "updated_at": dateTime, "started_at": dateTime, "finished_at": dateTime,
                "eta_seconds": number, "cost": ref("CostEstimate"),
                "result": object([
                    "video": string, "thumbnail": string, "subtitles_srt": string, "subtitles_vtt": string, "plan": string,
                    "timeline": string, "qa": string, "credits": string, "duration": number, "video_bytes": integer, "video_sha256": string,
                    "qa_passed": boolean, "qa_failures": array(string), "wall_seconds": number, "warnings": array(string),
                ]),
                "provider_calls": array(object([
                    "provider": string, "kind": string, "stage": enumeration(stages), "purpose": string, "started_at": dateTime,
                    "seconds": number, "attempts": integer, "units": number, "unit": string, "usd": number,
                    "outcome": enumeration(["succeeded", "cached", "failed", "skipped"]), "error_code": string, "message": string,
                ])),
                "remote_usd": number,
                "links": ["type": "object", "additionalProperties": string],
            ], required: ["id", "state", "progress", "attempts", "links"]),
            "JobList": object(["jobs": array(ref("Job")), "next": string], required: ["jobs"]),
            "Credits": object([
                "credits": array(object([
                    "role": enumeration(Credit.Role.allCases.map(\.rawValue)), "scene": ["type": "integer", "minimum": 0, "description": "from 0; absent for the whole video"],
                    "file": string, "source": ["type": "string", "description": "a [provider.NAME], assets, library or offline"],
                    "kind": string, "title": string, "author": string, "author_url": string,
                    "license": enumeration(MediaLicense.allCases.map(\.rawValue)), "link": string, "model": string,
                    "seed": ["type": "integer", "minimum": 0], "prompt": string,
                ], required: ["role", "source", "license"])),
                "attribution": array(string),
            ], required: ["credits", "attribution"]),
            "Plan": object(["plan": ["type": "object"], "preset": string, "cost": ref("CostEstimate"), "eta_seconds": number], required: ["preset", "cost"]),
            "Estimate": object([
                "preset": string, "cost": ref("CostEstimate"), "eta_seconds": number,
                "budget": object(["monthly_usd": number, "spent_usd": number, "remaining_usd": number, "within_budget": boolean]),
            ], required: ["preset", "cost", "budget"]),
            "Asset": object([
                "id": string, "name": string, "tags": array(string), "kind": enumeration(["image", "video", "audio"]),
                "bytes": integer, "created_at": dateTime,
            ], required: ["id", "name", "kind", "bytes"]),
            "AssetList": object(["assets": array(ref("Asset")), "next": string], required: ["assets"]),
            "Token": object([
                "id": string, "name": string, "role": enumeration(TokenRole.allCases.map(\.rawValue)), "prefix": string,
                "created_at": dateTime, "last_used_at": dateTime, "revoked_at": dateTime,
            ], required: ["id", "name", "role"]),
            "TokenRequest": object(["name": ["type": "string", "pattern": TokenName.pattern], "role": enumeration(TokenRole.allCases.map(\.rawValue))],
                                   required: ["name", "role"], closed: true),
            "CreatedToken": object(["token": ref("Token"), "secret": string], required: ["token", "secret"]),
            "TokenList": object(["tokens": array(ref("Token"))], required: ["tokens"]),
            "AuditList": object(["entries": array(object([
                "id": integer, "type": enumeration(AuditType.allCases.map(\.rawValue)), "at": dateTime, "token_name": string,
                "client_ip": string, "resource": string, "detail": string,
            ]))], required: ["entries"]),
            "Health": object(["status": string, "database": string, "workers": integer, "queue_depth": integer, "running": integer, "version": string]),
            "PresetList": object(["presets": array(object(["name": string, "summary": string, "width": integer, "height": integer, "fps": number, "aspect_ratio": string]))]),
            "Config": ["type": "object", "additionalProperties": ["type": "object", "additionalProperties": string]],
        ]
    }
}
