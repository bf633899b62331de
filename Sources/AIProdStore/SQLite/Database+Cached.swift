import GRDB

extension Database {
    /// Runs a statement compiled once per connection and kept (the store's statements are a
    /// fixed set, run thousands of times a second at peak: compiling each time was most of a
    /// claim's cost).
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
