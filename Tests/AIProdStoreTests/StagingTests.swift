import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

@Suite("Staging: temporary files beside the stores")
struct StagingTests {
    @Test("new files are unique, empty and inside the root; old leftovers are swept, fresh ones kept")
    func newFilesAndSweep() throws {
        let scratch = ScratchDirectory()
        let staging = Staging(root: scratch.file("tmp"))
        let a = try staging.newFile()
        let b = try staging.newFile(suffix: "/../../evil")
        #expect(a != b)
        #expect(a.hasPrefix(scratch.file("tmp") + "/") && b.hasPrefix(scratch.file("tmp") + "/"))
        #expect(!b.contains("/..") && !b.dropFirst(scratch.file("tmp").count + 1).contains("/"))
        #expect(try FileManager.default.attributesOfItem(atPath: a)[.size] as? Int == 0)
        let later = Date().addingTimeInterval(3600)
        #expect(staging.sweep(olderThan: 7200, now: later) == 0)
        #expect(staging.sweep(olderThan: 60, now: later) == 2)
        #expect(scratch.contents(of: "tmp").isEmpty)
    }
}
