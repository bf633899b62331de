import AIProdCore

/// What a studio asks for: a script rendered with a preset, a seed, optionally a target length,
/// the job's own pictures and a watermark.
public struct ScriptJob: Sendable {
    public var preset: Preset
    public var seed: UInt64
    public var targetDuration: Rational?
    public var assetsDirectory: String?
    public var watermark: String?
    /// Bounds on the media read (`[limits]`).
    public var limits: MediaLimits

    public init(preset: Preset, seed: UInt64 = 1, targetDuration: Rational? = nil, assetsDirectory: String? = nil, watermark: String? = nil,
                limits: MediaLimits = MediaLimits()) {
        self.preset = preset
        self.seed = seed
        self.targetDuration = targetDuration
        self.assetsDirectory = assetsDirectory
        self.watermark = watermark
        self.limits = limits
    }
}
