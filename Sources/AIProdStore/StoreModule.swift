/// The store of jobs, queue, tokens, audit and assets (SQLite through GRDB).
enum StoreModule {}
