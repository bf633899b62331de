import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation

/// The foley stage's remote step for one cue: the effects chain's providers in order, the
/// first recording that decodes becoming `media/effect-S-C.wav` with its credit. Failures are
/// warnings; nil sends the cue on to synthesis.
struct RemoteEffects {
    let job: StageJob
    private(set) var warnings: [String] = []

    init(job: StageJob) {
        self.job = job
    }

    /// Ambient beds run long; one-shots are short.
    static func seconds(for category: SoundCategory) -> ClosedRange<Double> {
        switch category {
        case .rain, .wind, .sea, .cityTraffic, .crowd, .fire, .birds: 3...30
        case .thunder, .applause, .footsteps, .clock, .car: 1...12
        case .door, .bell: 0.3...6
        }
    }

    mutating func effect(for cue: SoundCue, number index: Int, in scene: PlannedScene, seed: UInt64, names: [String]) throws(PipelineError) -> SoundEffect? {
        let range = Self.seconds(for: cue.category)
        let words = [cue.category.rawValue.replacingOccurrences(of: "_", with: " ")]
            + [cue.keyword.lowercased()].filter { $0 != cue.category.rawValue }
        let query = EffectQuery(category: cue.category, keywords: words, minSeconds: range.lowerBound, maxSeconds: range.upperBound, seed: seed)
        let file = JobDirectory.effect(scene: scene.index, cue: index, extension: "wav")
        for name in names {
            guard let client = job.remote.sounds[name] else { continue }
            do throws(ProviderError) {
                guard let sound = try client.find(query, session: job.session(.foley)) else {
                    warn(scene, name, "found no \(cue.category.rawValue) sound")
                    continue
                }
                let seconds: Double
                do {
                    seconds = try ReceivedEffect.accept(sound.data, extension: sound.fileExtension, as: file, in: job.directory,
                                                        limits: job.settings.limits, cancellation: job.context.cancellation)
                } catch {
                    warn(scene, name, "sent something unusable: \(error.message)")
                    continue
                }
                var credit = sound.credit
                credit.scene = scene.index
                credit.file = file
                return SoundEffect(path: file, category: cue.category, source: .remote, durationSeconds: seconds, credit: credit)
            } catch where error.code == .cancelled {
                throw .cancelled(.foley)
            } catch {
                warn(scene, name, "failed (\(error.code.rawValue): \(error.message))")
            }
        }
        return nil
    }

    private mutating func warn(_ scene: PlannedScene, _ provider: String, _ what: String) {
        warnings.append("scene \(scene.index + 1): \(provider) \(what); the effect is the library's or synthesised")
        job.context.logger.warning("effect fallback", metadata: ["scene": "\(scene.index + 1)", "provider": "\(provider)", "reason": "\(what)"])
    }
}
