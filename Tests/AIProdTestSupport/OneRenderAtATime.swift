// Testing exists only in a build with tests; `swift build -c release` builds this target too.
#if canImport(Testing)
import Testing

/// A suite trait: suites that carry it never run at the same time as each other, across every
/// test target of the process. For the heavy renders added with the providers' end-to-end tests
/// and the stage-cancellation suite, whose one-second bound is wall-clock time: on two cores, a
/// second render running beside it stretched that time past the bound.
public struct OneRenderAtATime: SuiteTrait, TestScoping {
    public var isRecursive: Bool { false }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        await RenderTurn.shared.take()
        do {
            try await function()
        } catch {
            await RenderTurn.shared.give()
            throw error
        }
        await RenderTurn.shared.give()
    }
}

extension Trait where Self == OneRenderAtATime {
    /// See ``OneRenderAtATime``.
    public static var oneRenderAtATime: Self { OneRenderAtATime() }
}

/// The turn ``OneRenderAtATime`` suites wait for, first come first served.
actor RenderTurn {
    static let shared = RenderTurn()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func take() async {
        guard taken else {
            taken = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func give() {
        if waiting.isEmpty { taken = false } else { waiting.removeFirst().resume() }
    }
}
#endif
