import AIProdCore
import Synchronization

/// The last value of one INI section that a reload handed to its owner, so the next reload
/// can tell which of its keys changed (and skip the owner when none did).
final class ReloadedSection<Section: ConfigSection>: Sendable {
    private let last: Mutex<Section>

    init(_ section: Section) {
        last = Mutex(section)
    }

    /// Takes `new` as the last value; returns the `section.key` names that changed.
    func swap(to new: Section) -> [String] {
        last.withLock { old in
            let changed = ConfigEntry.changedKeys(in: Section.sectionName, from: old.entries, to: new.entries)
            old = new
            return changed
        }
    }
}
