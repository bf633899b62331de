// TEMPORARY (CONTRACT10): removed when the credits helper's CreditRoll is merged.
import AIProdCore
public enum CreditRoll {
    public static func clip(lines: [String], preset: Preset, title: String) -> Clip? { nil }
}
