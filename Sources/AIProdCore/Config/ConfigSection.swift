/// One `[section]` of aiprod.ini as a value type: its defaults (`init()`), how it reads itself
/// (`init(ini:)`, keeping defaults for absent keys) and its effective keys (`entries`).
///
/// `entries` lists every key the section knows, so it is the one list ``ServiceConfig`` checks
/// unknown keys and `AIPROD_…` variables against, and prints the effective config from: a key
/// cannot be read without being printed, or printed without being accepted.
public protocol ConfigSection: Sendable, Hashable {
    /// The section's name in the file, lower case.
    static var sectionName: String { get }
    init()
    init(ini: INIFile) throws(ConfigError)
    /// Every key, in the order etc/aiprod.ini documents them.
    var entries: [ConfigEntry] { get }
}

extension ConfigSection {
    /// The keys the section accepts.
    public static var keys: [String] { Self().entries.map(\.key) }
}
