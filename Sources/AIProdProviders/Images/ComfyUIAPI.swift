import AIProdCore
import Foundation

/// ComfyUI: the section's workflow template filled for the request and submitted to
/// `POST {url}/prompt`; `GET {url}/history/{prompt_id}` polled every `poll_seconds` (up to
/// `max_wait_seconds`) until it names the saved picture; the picture fetched from
/// `GET {url}/view`. Submissions and polls are never cached (each starts or watches work);
/// the picture is counted on the poll that found it.
struct ComfyUIAPI: ImageAPI {
    struct Submitted: Decodable {
        var prompt_id: String
    }

    let workflow: ComfyWorkflow

    func generate(_ request: ImageRequest, transport: ProviderTransport, session: ProviderSession) throws(ProviderError) -> GeneratedImage {
        let config = transport.config
        let name = config.name
        let size = ImageSize.stepped(width: request.width, height: request.height)
        let seed = A1111API.seed(request.seed)
        let graph = workflow.filled(prompt: request.prompt.trimmingCharacters(in: .whitespacesAndNewlines),
                                    width: size.width, height: size.height, seed: seed)
        let body = Data(#"{"client_id":"aiprod","prompt":"#.utf8) + Data(graph.utf8) + Data("}".utf8)
        let submit = HTTPClientRequest(method: "POST", url: try transport.endpoint("/prompt"), headers: headers(transport), body: body)
        let promptID = try transport.exchange(submit, purpose: "image", session: session, cacheable: false, decode: { response throws(ProviderError) -> String in
            let reply = try JSONReply.decode(Submitted.self, from: response.body, provider: name)
            return try TaskID.check(reply.prompt_id, field: "prompt_id", provider: name)
        }, units: { _ in 0 })
        let status = HTTPClientRequest(method: "GET", url: try transport.endpoint("/history/\(promptID)"), headers: headers(transport))
        let output = try TaskPoller(config: config, cancellation: session.cancellation).wait { () throws(ProviderError) -> ComfyHistory.Output? in
            try transport.exchange(status, purpose: "image-status", session: session, cacheable: false, decode: { response throws(ProviderError) -> ComfyHistory.Output? in
                try ComfyHistory.output(response.body, promptID: promptID, provider: name)
            }, units: { $0 == nil ? 0 : 1 })
        }
        let view = try viewURL(output, transport: transport)
        let fetch = HTTPClientRequest(method: "GET", url: view, headers: headers(transport))
        let (data, format) = try transport.exchange(fetch, purpose: "image-download", session: session, cacheable: false, decode: { response throws(ProviderError) -> (Data, PictureFormat) in
            (response.body, try PictureFormat.check(response.body, what: "the picture comfyui saved", provider: name))
        }, units: { _ in 0 })
        let model = config.model.isEmpty ? workflow.checkpoint ?? "" : config.model
        return GeneratedImage(data: data, fileExtension: format.fileExtension, model: model, seed: seed)
    }

    /// `{url}/view?filename=…&subfolder=…&type=…`, each value percent-encoded.
    func viewURL(_ output: ComfyHistory.Output, transport: ProviderTransport) throws(ProviderError) -> URL {
        let base = try transport.endpoint("/view")
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
            throw ProviderError(.unsupported, provider: transport.config.name, "cannot make a /view URL of \(ProviderTransport.describe(base))")
        }
        components.queryItems = [
            URLQueryItem(name: "filename", value: output.filename), URLQueryItem(name: "subfolder", value: output.subfolder),
            URLQueryItem(name: "type", value: output.type),
        ]
        // URLQueryItem leaves `+` as is, which a server reads as a space; a file name may hold one.
        let query = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        components.percentEncodedQuery = query
        guard let url = components.url else {
            throw ProviderError(.malformedReply, provider: transport.config.name, "cannot make a /view URL of the picture's name")
        }
        return url
    }
}
