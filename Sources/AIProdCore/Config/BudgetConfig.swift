/// `[budget]`: a cap on what the studio spends in a calendar month (UTC). A job whose estimate
/// would take the month's recorded spend over it is refused (`budget_exceeded`).
public struct BudgetConfig: ConfigSection {
    public static let sectionName = "budget"
    /// 0: no cap.
    public var monthlyUsd = 0.0

    public init() {}

    public init(ini: INIFile) throws(ConfigError) {
        if let value = try ini.number(Self.sectionName, "monthly_usd", in: 0...1_000_000_000) { monthlyUsd = value }
    }

    /// Whether a cap is set.
    public var isCapped: Bool { monthlyUsd > 0 }

    public var entries: [ConfigEntry] { [ConfigEntry("monthly_usd", .number(monthlyUsd))] }
}
