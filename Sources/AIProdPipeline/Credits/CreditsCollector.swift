import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation

/// Gathers a job's credits from what its stages left in its folder, so publish (and a resumed
/// or re-published job) needs nothing but the folder: who wrote the script and made the plan
/// (`provider-calls.jsonl` and `plan.json`), who spoke each scene (`media/narration.json`),
/// each scene's picture (`media/visuals.json`), each effect (`media/effects.json`) and the
/// music's pieces (`media/music.json`). A file that is absent (an older job, a timeline job)
/// or does not decode leaves its part out: credits never fail a job that rendered.
public struct CreditsCollector: Sendable {
    public var directory: JobDirectory
    /// The model of each `[provider.NAME]`, for the LLM and voice credits (the calls record
    /// the provider and its kind, not its model).
    public var models: [String: String]
    /// The espeak-ng voice an offline narration was spoken with, when known.
    public var offlineVoice: String?

    /// What credits name as the model of aiprod's own engines.
    public static let offlinePlanner = "aiprod offline planner"
    public static let offlineVoiceEngine = "espeak-ng"
    public static let effectSynthesiser = "aiprod effect synthesiser"

    public init(directory: JobDirectory, models: [String: String] = [:], offlineVoice: String? = nil) {
        self.directory = directory
        self.models = models
        self.offlineVoice = offlineVoice
    }

    public func collect() -> CreditsDocument {
        let calls = ProviderCallLog.read(directory.path(JobDirectory.providerCalls))
        return CreditsDocument(credits: writing(calls) + voices(calls) + pictures() + effects() + music())
    }

    /// The script (when an LLM wrote it from the prompt) and the plan.
    func writing(_ calls: [ProviderCall]) -> [Credit] {
        guard let plan = decode(Plan.self, JobDirectory.plan) else { return [] }
        var credits: [Credit] = []
        if FileManager.default.fileExists(atPath: directory.path(JobDirectory.script)) {
            let writer = Self.answered(calls, purpose: "script")
            credits.append(Credit(role: .script, file: JobDirectory.script, source: writer?.provider ?? "offline", kind: writer?.kind.rawValue,
                                  title: plan.title, license: .generated, model: writer.flatMap { models[$0.provider] }))
        }
        // An LLM whose plan was refused says so in the plan's warnings; the offline planner then made it.
        let planner = Self.answered(calls, purpose: "plan") { call in
            !plan.warnings.contains { $0.hasPrefix("\(call.provider) did not plan the script") }
        }
        credits.append(Credit(role: .plan, file: JobDirectory.plan, source: planner?.provider ?? "offline", kind: planner?.kind.rawValue,
                              title: plan.title, license: .generated,
                              model: planner == nil ? Self.offlinePlanner : planner.flatMap { models[$0.provider] }, seed: plan.seed))
        return credits
    }

    /// One per scene's narration: the provider that spoke it, or espeak-ng.
    func voices(_ calls: [ProviderCall]) -> [Credit] {
        guard let narrations = decode([Narration].self, JobDirectory.narrations) else { return [] }
        return narrations.enumerated().map { scene, narration in
            guard let provider = narration.provider else {
                return Credit(role: .voice, scene: scene, file: narration.path, source: "offline", title: offlineVoice,
                              license: .generated, model: Self.offlineVoiceEngine)
            }
            let kind = calls.last { $0.provider == provider && $0.stage == .narrate }?.kind.rawValue
            return Credit(role: .voice, scene: scene, file: narration.path, source: provider, kind: kind, license: .generated,
                          model: models[provider])
        }
    }

    /// Each scene's picture or clip; a title card has none, the job's own asset is `assets`. A
    /// clip animated from a still credits the still first (a photographer, a generator): its
    /// `still_credit`, read here by name so that a folder written before the field reads too.
    func pictures() -> [Credit] {
        guard let data = directory.fileData(JobDirectory.visuals),
              let visuals = try? JSONCoding.decoder.decode([SceneVisual].self, from: data) else { return [] }
        let stills = (try? JSONCoding.decoder.decode([StillCredit].self, from: data)) ?? []
        return visuals.enumerated().flatMap { index, visual -> [Credit] in
            let file = visual.path.map(relative)
            var credits: [Credit] = []
            if index < stills.count, var still = stills[index].stillCredit {
                still.scene = still.scene ?? visual.scene
                credits.append(still)
            }
            if var credit = visual.credit {
                credit.scene = credit.scene ?? visual.scene
                credit.file = credit.file ?? file
                credits.append(credit)
            } else if visual.source == .asset, let path = visual.path {
                credits.append(Credit(role: .visual, scene: visual.scene, file: file, source: "assets",
                                      title: (path as NSString).lastPathComponent, license: .studio))
            }
            return credits
        }
    }

    /// The still a scene's clip was animated from, as `media/visuals.json` records it.
    private struct StillCredit: Decodable {
        var stillCredit: Credit?
    }

    /// Each effect, scene by scene: a found sound's credit, else the library or the synthesiser.
    func effects() -> [Credit] {
        guard let scenes = decode([[SoundEffect]].self, JobDirectory.effects) else { return [] }
        return scenes.enumerated().flatMap { scene, effects in
            effects.map { effect -> Credit in
                if var credit = effect.credit {
                    credit.scene = credit.scene ?? scene
                    credit.file = credit.file ?? effect.path
                    return credit
                }
                switch effect.source {
                case .synthesised:
                    return Credit(role: .effect, scene: scene, file: effect.path, source: "offline", title: effect.category.rawValue,
                                  license: .generated, model: Self.effectSynthesiser)
                case .library, .remote:
                    return Credit(role: .effect, scene: scene, file: effect.path, source: "library", title: effect.category.rawValue,
                                  license: .studio)
                }
            }
        }
    }

    /// The music bed's pieces, in the order they play, each heard in `media/music.wav` (a
    /// library piece's own file is named by its credit's title).
    func music() -> [Credit] {
        guard let pieces = decode([MusicPiece].self, JobDirectory.musicPieces) else { return [] }
        return pieces.sorted { $0.start < $1.start }.map { piece in
            var credit = piece.credit
            credit.file = credit.file.flatMap { $0.hasPrefix("/") ? directory.relative($0) : $0 } ?? JobDirectory.music
            return credit
        }
    }

    /// The last call for `purpose` that was answered (paid or from the cache) and `accepted`.
    static func answered(_ calls: [ProviderCall], purpose: String, accepted: (ProviderCall) -> Bool = { _ in true }) -> ProviderCall? {
        calls.last { $0.purpose == purpose && ($0.outcome == .succeeded || $0.outcome == .cached) && accepted($0) }
    }

    /// A path relative to the job's folder when it is inside it; an outside file (a CLI
    /// folder's asset, a library piece) by its name only, so a credit never shows the host's layout.
    func relative(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return directory.relative(path) ?? (path as NSString).lastPathComponent
    }

    private func decode<T: Decodable>(_ type: T.Type, _ relative: String) -> T? {
        guard let data = directory.fileData(relative) else { return nil }
        return try? JSONCoding.decoder.decode(T.self, from: data)
    }
}
