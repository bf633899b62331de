/// The upgrade path: before a newer aiprod applies migrations to a database an older one made,
/// the file is backed up as it was (a migration that goes wrong, or a downgrade, has the old
/// file to go back to). A fresh database (nothing applied) and an up-to-date one are left alone.
public enum PreMigrationBackup {
    /// Takes the backup when the database exists, has run migrations, and has some pending;
    /// returns its folder, or nil when none was needed. Prunes to `keep` after.
    @discardableResult
    public static func takeIfNeeded(_ maker: BackupMaker, keep: Int) throws(StoreError) -> String? {
        guard let schema = try SchemaVersion.of(path: maker.databasePath), !schema.applied.isEmpty, !schema.pending.isEmpty else {
            return nil
        }
        let folder = try maker.make(reason: .preMigration)
        BackupRetention.prune(maker.backupDirectory, keep: keep)
        return folder
    }
}
