import AIProdStore

extension ServerSettings {
    /// The role `route` needs under this configuration (nil: open). `[auth]` can open
    /// `/metrics` to a scraper without a token, or close `/health` to anyone without one; every
    /// other route keeps its role from ``RouteCatalog``.
    func requiredRole(for route: Route) -> TokenRole? {
        switch route.path {
        case "/metrics": openMetrics ? nil : route.role
        case "/health": openHealth ? nil : .viewer
        default: route.role
        }
    }
}
