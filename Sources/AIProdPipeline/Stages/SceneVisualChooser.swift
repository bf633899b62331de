import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation

/// The visuals stage's walk down its chains for one scene at a time, collecting the warnings
/// of every fallback. Each provider's answer is accepted only through ``ReceivedVisual``.
struct SceneVisualChooser {
    let job: StageJob
    let preset: Preset
    let style: String
    let visuals: [String]
    let motions: [String]
    private(set) var warnings: [String] = []

    init(job: StageJob, preset: Preset, style: String, visuals: [String], motions: [String]) {
        self.job = job
        self.preset = preset
        self.style = style
        self.visuals = visuals
        self.motions = motions
    }

    /// The first picture the visuals chain gives for `scene`, else its card.
    mutating func remote(for scene: PlannedScene, seconds: Double) throws(PipelineError) -> SceneVisual {
        let prompt = VisualPrompt(scene: scene, style: style, jobSeed: job.spec.seed)
        for name in visuals {
            if let reason = job.remote.unusable[name] {
                warn(scene, name, "is not usable (\(reason))")
                continue
            }
            do throws(ProviderError) {
                if let images = job.remote.images[name] {
                    let image = try images.generate(ImageRequest(prompt: prompt.prompt, width: preset.width, height: preset.height, seed: prompt.seed),
                                                    session: job.session(.visuals))
                    let file = JobDirectory.visual(scene: scene.index, extension: image.fileExtension)
                    let received = accept(image.data, as: file, video: false, scene: scene, provider: name)
                    guard let received else { continue }
                    let credit = Credit(role: .visual, scene: scene.index, file: file, source: name, kind: job.remote.kinds[name]?.rawValue,
                                        license: .generated, model: image.model, seed: image.seed, prompt: prompt.prompt)
                    return SceneVisual(scene: scene.index, source: .generated, path: file, kind: received.kind, credit: credit)
                }
                if let stock = job.remote.stock[name] {
                    let query = StockQuery(keywords: Array(scene.keywords.prefix(4)), orientation: orientation, minWidth: preset.width,
                                           minHeight: preset.height, video: motions.isEmpty, minSeconds: seconds, seed: prompt.seed)
                    guard let media = try stock.find(query, session: job.session(.visuals)) else {
                        warn(scene, name, "found nothing for \(query.keywords.joined(separator: " "))")
                        continue
                    }
                    let file = JobDirectory.visual(scene: scene.index, extension: media.fileExtension)
                    guard let received = accept(media.data, as: file, video: media.isVideo, scene: scene, provider: name) else { continue }
                    var credit = media.credit
                    credit.scene = scene.index
                    credit.file = file
                    return SceneVisual(scene: scene.index, source: .stock, path: file, kind: received.kind, duration: received.duration, credit: credit)
                }
            } catch where error.code == .cancelled {
                throw .cancelled(.visuals)
            } catch {
                warn(scene, name, "failed (\(error.code.rawValue): \(error.message))")
            }
        }
        return .card(scene.index)
    }

    /// `visual` animated by the motion chain when it is a still; unchanged otherwise, or when
    /// every motion provider fails (the still moves with Ken Burns).
    mutating func animated(_ visual: SceneVisual, scene: PlannedScene, seconds: Double) throws(PipelineError) -> SceneVisual {
        guard visual.kind == .image, let path = visual.path, !motions.isEmpty else { return visual }
        let full = path.hasPrefix("/") ? path : job.directory.path(path)
        guard let still = FileManager.default.contents(atPath: full) else { return visual }
        let prompt = VisualPrompt(scene: scene, style: style, jobSeed: job.spec.seed)
        for name in motions {
            guard let motion = job.remote.motions[name] else { continue }
            do throws(ProviderError) {
                let video = try motion.animate(image: still, imageExtension: (path as NSString).pathExtension.lowercased(), prompt: prompt.prompt,
                                               width: preset.width, height: preset.height, seconds: seconds, seed: prompt.seed,
                                               session: job.session(.visuals))
                let file = JobDirectory.visual(scene: scene.index, extension: "motion." + video.fileExtension)
                guard let received = accept(video.data, as: file, video: true, scene: scene, provider: name) else { continue }
                let credit = Credit(role: .motion, scene: scene.index, file: file, source: name, kind: job.remote.kinds[name]?.rawValue,
                                    license: .generated, model: video.model, seed: video.seed, prompt: prompt.prompt)
                return SceneVisual(scene: scene.index, source: .motion, path: file, kind: .video, duration: received.duration,
                                   credit: credit, still: visual)
            } catch where error.code == .cancelled {
                throw .cancelled(.visuals)
            } catch {
                warn(scene, name, "failed (\(error.code.rawValue): \(error.message)); the still moves instead")
            }
        }
        return visual
    }

    /// Checks and keeps received bytes; nil (with a warning) when they are not usable media.
    private mutating func accept(_ data: Data, as file: String, video: Bool, scene: PlannedScene, provider: String) -> ReceivedVisual? {
        do {
            return try ReceivedVisual.accept(data, as: file, expectVideo: video, in: job.directory, limits: job.settings.limits)
        } catch {
            warn(scene, provider, "sent something unusable: \(error.message)")
            return nil
        }
    }

    private mutating func warn(_ scene: PlannedScene, _ provider: String, _ what: String) {
        warnings.append("scene \(scene.index + 1): \(provider) \(what)")
        job.context.logger.warning("visual fallback", metadata: ["scene": "\(scene.index + 1)", "provider": "\(provider)", "reason": "\(what)"])
    }

    /// The preset's orientation, for stock searches.
    private var orientation: StockOrientation {
        preset.width > preset.height ? .landscape : preset.width < preset.height ? .portrait : .square
    }
}
