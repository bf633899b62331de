// TEMPORARY: the helpers' APIs (CONTRACT10), so the lead's integration compiles; removed at merge.
import AIProdCore
import Foundation

public struct ImageRequest: Sendable, Hashable {
    public var prompt: String
    public var width: Int, height: Int
    public var seed: UInt64
    public init(prompt: String, width: Int, height: Int, seed: UInt64) { self.prompt = prompt; self.width = width; self.height = height; self.seed = seed }
}
public struct GeneratedImage: Sendable { public var data: Data; public var fileExtension: String; public var model: String; public var seed: UInt64 }
public struct RemoteImages: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport) throws(ProviderError) { self.transport = transport }
    public var name: String { transport.config.name }
    public func generate(_ request: ImageRequest, session: ProviderSession) throws(ProviderError) -> GeneratedImage { throw ProviderError(.unsupported, provider: name, "placeholder") }
}
public struct GeneratedVideo: Sendable { public var data: Data; public var fileExtension: String; public var model: String; public var seed: UInt64 }
public struct RemoteMotion: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport) { self.transport = transport }
    public var name: String { transport.config.name }
    public func animate(image: Data, imageExtension: String, prompt: String, width: Int, height: Int,
                        seconds: Double, seed: UInt64, session: ProviderSession) throws(ProviderError) -> GeneratedVideo { throw ProviderError(.unsupported, provider: name, "placeholder") }
}
public enum StockOrientation: String, Sendable, Hashable { case landscape, portrait, square }
public struct StockQuery: Sendable, Hashable {
    public var keywords: [String]; public var orientation: StockOrientation
    public var minWidth: Int; public var minHeight: Int
    public var video: Bool
    public var minSeconds: Double
    public var seed: UInt64
    public init(keywords: [String], orientation: StockOrientation, minWidth: Int, minHeight: Int, video: Bool, minSeconds: Double, seed: UInt64) {
        self.keywords = keywords; self.orientation = orientation; self.minWidth = minWidth; self.minHeight = minHeight; self.video = video; self.minSeconds = minSeconds; self.seed = seed
    }
}
public struct StockMedia: Sendable { public var data: Data; public var isVideo: Bool; public var fileExtension: String; public var durationSeconds: Double?; public var credit: Credit }
public struct PexelsClient: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport) { self.transport = transport }
    public var name: String { transport.config.name }
    public func find(_ query: StockQuery, session: ProviderSession) throws(ProviderError) -> StockMedia? { nil }
}
public struct EffectQuery: Sendable, Hashable {
    public var category: SoundCategory; public var keywords: [String]
    public var minSeconds: Double; public var maxSeconds: Double; public var seed: UInt64
    public init(category: SoundCategory, keywords: [String], minSeconds: Double, maxSeconds: Double, seed: UInt64) {
        self.category = category; self.keywords = keywords; self.minSeconds = minSeconds; self.maxSeconds = maxSeconds; self.seed = seed
    }
}
public struct FoundSound: Sendable { public var data: Data; public var fileExtension: String; public var durationSeconds: Double; public var credit: Credit }
public struct FreesoundClient: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport) { self.transport = transport }
    public var name: String { transport.config.name }
    public func find(_ query: EffectQuery, session: ProviderSession) throws(ProviderError) -> FoundSound? { nil }
}
public struct ReceivedMusic: Sendable { public var data: Data; public var fileExtension: String; public var credit: Credit }
public struct MusicHTTPClient: Sendable {
    let transport: ProviderTransport
    public init(transport: ProviderTransport) { self.transport = transport }
    public var name: String { transport.config.name }
    public func compose(prompt: String, seconds: Double, seed: UInt64, session: ProviderSession) throws(ProviderError) -> ReceivedMusic { throw ProviderError(.unsupported, provider: name, "placeholder") }
}
