/// The version `/health` and `/openapi.json` report; the package build stamps releases.
enum AIProdVersion {
    static let current = "0.8.0"
}
