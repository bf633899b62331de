import AIProdCore
import Foundation

/// One configured image provider, whatever its kind (`openai-images`, `a1111`, `comfyui`):
/// dispatches to one value type per API (``OpenAIImagesAPI``, ``A1111API``, ``ComfyUIAPI``).
/// Every picture it returns has been checked to be a PNG, JPEG or WebP by its first bytes.
/// Blocking: call it from the job's dedicated thread.
public struct RemoteImages: Sendable {
    enum API: Sendable {
        case openAI(OpenAIImagesAPI)
        case a1111(A1111API)
        case comfyUI(ComfyUIAPI)
    }

    /// Largest frame side a request may name (larger is a caller's mistake, not a picture).
    static let maxSide = 16_384

    let transport: ProviderTransport
    let api: API

    /// Fails (`.unsupported`, with the reason) for a kind that makes no pictures, or a comfyui
    /// section whose workflow template is missing or broken (``ComfyWorkflow``).
    public init(transport: ProviderTransport) throws(ProviderError) {
        self.transport = transport
        let config = transport.config
        switch config.kind {
        case .openAIImages: api = .openAI(OpenAIImagesAPI())
        case .a1111: api = .a1111(A1111API())
        case .comfyUI: api = .comfyUI(ComfyUIAPI(workflow: try ComfyWorkflow.load(config)))
        default: throw ProviderError(.unsupported, provider: config.name, "a \(config.kind.rawValue) provider does not make pictures")
        }
    }

    public var name: String { transport.config.name }

    /// Makes one picture for `request` (recorded on `session`: one `images` unit when made,
    /// none when it came from the cache).
    public func generate(_ request: ImageRequest, session: ProviderSession) throws(ProviderError) -> GeneratedImage {
        guard (1...Self.maxSide).contains(request.width), (1...Self.maxSide).contains(request.height) else {
            throw ProviderError(.unsupported, provider: name, "cannot ask for a \(request.width)x\(request.height) picture")
        }
        guard !request.prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ProviderError(.unsupported, provider: name, "nothing to draw: the prompt is empty")
        }
        if session.cancellation.isCancelled { throw .cancelled(name) }
        switch api {
        case .openAI(let api): return try api.generate(request, transport: transport, session: session)
        case .a1111(let api): return try api.generate(request, transport: transport, session: session)
        case .comfyUI(let api): return try api.generate(request, transport: transport, session: session)
        }
    }
}
