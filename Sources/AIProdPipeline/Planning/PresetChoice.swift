import AIProdCore

/// Which preset a job renders with: the one it names, else the one its aspect ratio implies
/// (16:9 → the configured default, or `web-720p` if that is not 16:9; 9:16 → `shorts-9x16`;
/// 1:1 → `square-1x1`), else the configured default.
enum PresetChoice {
    static func resolve(_ spec: JobSpec, defaultPreset: String?, presets: [Preset] = []) throws(PipelineError) -> Preset {
        func named(_ name: String) -> Preset? { presets.first { $0.name == name } ?? Preset.named(name) }
        if let name = spec.preset {
            guard let preset = named(name) else {
                throw PipelineError(code: "unknown_preset",
                                    message: "unknown preset \"\(name)\"; choose one of \((presets + Preset.builtin).map(\.name).joined(separator: ", "))",
                                    field: "preset", category: .caller)
            }
            return preset
        }
        let fallback = defaultPreset.flatMap(named) ?? .web720p
        switch spec.aspectRatio {
        case nil: return fallback
        case .landscape: return fallback.width * 9 == fallback.height * 16 ? fallback : .web720p
        case .portrait: return .shorts9x16
        case .square: return .square1x1
        }
    }
}
