import AIProdCore
import Testing

@Suite("TraceParent: W3C traceparent, strictly")
struct TraceParentTests {
    static let valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    @Test("A valid header gives its trace id, parent id and flags, and prints back the same")
    func valid() throws {
        let trace = try #require(TraceParent(header: Self.valid))
        #expect(trace.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(trace.parentID == "00f067aa0ba902b7")
        #expect(trace.flags == "01")
        #expect(trace.description == Self.valid)
        // A future version with more fields after a dash is read by its first four.
        #expect(TraceParent(header: "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-holds")?.traceID
                == "4bf92f3577b34da6a3ce929d0e0e4736")
    }

    @Test("Anything else is ignored", arguments: [
        "", "00", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
        "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n",
        " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-é4f92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
    ])
    func invalid(header: String) {
        #expect(TraceParent(header: header) == nil)
    }

    @Test("A new span under a stored trace id is a valid header with that trace id")
    func continuation() throws {
        let span = TraceParent.newSpanID()
        #expect(span.count == 16 && span != "0000000000000000")
        let next = try #require(TraceParent(traceID: "4bf92f3577b34da6a3ce929d0e0e4736", parentID: span))
        #expect(TraceParent(header: next.description)?.traceID == "4bf92f3577b34da6a3ce929d0e0e4736")
        #expect(TraceParent.isTraceID("4bf92f3577b34da6a3ce929d0e0e4736"))
        #expect(!TraceParent.isTraceID("4bf92f3577b34da6a3ce929d0e0e473"))
        #expect(!TraceParent.isTraceID(String(repeating: "0", count: 32)))
    }
}
