import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdStudio
import Foundation

/// A `music-http` provider as the score stage sees it: a piece for a mood, asked for with a
/// prompt in words any music model understands, written where the stage wants it. What comes
/// back is only bytes here; the stage decodes it through the safe path and fits it.
struct RemoteMusicSource: MusicPieceSource {
    let client: MusicHTTPClient
    let session: ProviderSession

    var name: String { client.name }

    func piece(mood: Mood, seconds: Double, seed: UInt64, to path: String, cancellation: RenderCancellation) throws(StudioError) -> Credit {
        let music: ReceivedMusic
        do {
            music = try client.compose(prompt: Self.prompt(mood), seconds: seconds, seed: seed, session: session)
        } catch where error.code == .cancelled {
            throw StudioError(.cancelled, "music cancelled")
        } catch {
            throw StudioError(.providerFailed, "\(name) failed (\(error.code.rawValue)): \(error.message)")
        }
        guard FileManager.default.createFile(atPath: path, contents: music.data) else {
            throw StudioError(.providerFailed, "cannot write \(name)'s piece to \(path)")
        }
        return music.credit
    }

    /// An instrumental description of the mood.
    static func prompt(_ mood: Mood) -> String {
        switch mood {
        case .calm: "calm ambient instrumental, soft piano and warm pads, slow tempo, no vocals"
        case .uplifting: "uplifting instrumental, bright acoustic guitar and strings, steady beat, no vocals"
        case .dramatic: "dramatic orchestral instrumental, low strings and timpani, building tension, no vocals"
        case .tense: "tense suspenseful instrumental, pulsing synth bass, sparse percussion, no vocals"
        case .sad: "melancholic instrumental, solo piano and cello, slow, no vocals"
        case .playful: "playful light instrumental, pizzicato strings and marimba, bouncy, no vocals"
        case .epic: "epic cinematic instrumental, full orchestra and choir pads, big drums, no vocals"
        case .mysterious: "mysterious ambient instrumental, celesta and airy textures, slow, no vocals"
        }
    }
}

extension StageJob {
    /// The music chain's remote sources for this job, in order, each with the score stage's
    /// provider session.
    func musicSources() throws(PipelineError) -> [any MusicPieceSource] {
        let names = try RemoteStudio.chain(remote.musicChain, from: spec.providers.music, field: "providers.music")
        let session = session(.score)
        return names.compactMap { name in remote.musics[name].map { RemoteMusicSource(client: $0, session: session) } }
    }
}
