import AIProdCore

/// What an image generator is asked for a scene: the plan's visual description (an LLM plan
/// has one), else the scene's heading and keywords, then the job's style, so every picture of
/// a job shares one look. The seed is derived from the job's seed and the scene, so a
/// re-render asks for the same pictures.
struct VisualPrompt {
    let prompt: String
    let seed: UInt64

    init(scene: PlannedScene, style: String, jobSeed: UInt64) {
        var subject = scene.visual?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if subject.isEmpty {
            subject = ([scene.heading] + scene.keywords.prefix(6)).filter { !$0.isEmpty }.joined(separator: ", ")
        }
        if subject.isEmpty { subject = String(scene.text.prefix(200)) }
        prompt = String((subject + (style.isEmpty ? "" : ". " + style)).prefix(1_000))
        seed = Self.seed(jobSeed, scene: scene.index)
    }

    /// A 31-bit seed (every API takes it) mixed from the job's seed and the scene.
    static func seed(_ jobSeed: UInt64, scene: Int) -> UInt64 {
        var mixed = jobSeed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(scene + 1)
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return (mixed ^ (mixed >> 31)) >> 33
    }

    /// The style a job's pictures share: the job's, else `[studio] style`, else the preset's.
    static func style(spec: JobSpec, studio: String, preset: Preset) -> String {
        if let style = spec.style?.trimmingCharacters(in: .whitespacesAndNewlines), !style.isEmpty { return style }
        if !studio.isEmpty { return studio }
        return preset.visualStyle
    }
}
