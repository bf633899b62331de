// Placeholders with the contract's signatures for the LLM and voice clients, so the integration builds
// before their branches merge; removed by the merge that brings the real ones.
import AIProdCore
import AIProdStudio
import Foundation

public struct RemoteVoice: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport, reference: EspeakNarrator, limits: Limits) { self.transport = transport }
    public var name: String { transport.config.name }
    public func narrate(_ text: String, language: Language, to path: String, session: ProviderSession) throws(ProviderError) -> Narration {
        throw ProviderError(.unsupported, provider: name, "stub")
    }
}
public struct OpenAIChatClient: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport) { self.transport = transport }
    public var name: String { transport.config.name }
}
public struct WrittenScript: Sendable, Hashable { public var title: String?; public var script: String; public var language: Language }
public struct LLMScriptWriter: Sendable {
    let client: OpenAIChatClient
    public init(client: OpenAIChatClient) { self.client = client }
    public func write(prompt: String, language: Language?, targetSeconds: Double, wordsPerMinute: Int,
                      maxCharacters: Int, session: ProviderSession) throws(ProviderError) -> WrittenScript {
        throw ProviderError(.unsupported, provider: client.name, "stub")
    }
}
public struct LLMPlanner: Sendable {
    let client: OpenAIChatClient
    public init(client: OpenAIChatClient, offline: OfflinePlanner) { self.client = client }
    public func plan(_ script: String, preset: Preset, seed: UInt64, targetDuration: Rational?,
                     session: ProviderSession) throws(ProviderError) -> Plan {
        throw ProviderError(.unsupported, provider: client.name, "stub")
    }
}
