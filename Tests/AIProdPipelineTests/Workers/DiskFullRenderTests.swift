import AIProdCore
import AIProdPipeline
import AIProdStore
import AIProdTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A disk that fills during a render: the job's folder on a tmpfs with room for the stages
/// before render and a few kilobytes more, so the render's own writes meet ENOSPC. The job must
/// fail with a clear error of ours, leave no half-written file, and the database (on another
/// file system, as in the package's layout it may or may not be) must stay intact and usable.
@Suite("A disk that fills during a render")
struct DiskFullRenderTests {
    @Test("the job fails with a disk error naming the render, nothing half-written stays, the database is intact",
          .enabled(if: SmallTmpfs.canMount, "mounting a tmpfs needs root (CI runs as root)"))
    func diskFillsDuringRender() async throws {
        let fixture = try PoolFixture()
        let job = try fixture.enqueue(maxAttempts: 1)
        // The stages before render, on the ordinary disk.
        let staging = JobDirectory(root: fixture.scratch.file("staging"))
        try PipelineFixture.runner().run(spec: job.spec, in: staging, context: PipelineFixture.context(), through: .direct)
        let files = PipelineFixture.files(under: staging.root)
        let pages = try files.reduce(0) { total, file in
            let size = try #require(try FileManager.default.attributesOfItem(atPath: staging.root + "/" + file)[.size] as? Int)
            return total + (size + 4095) / 4096 * 4096
        }
        // The job's folder on a file system with 32 KB to spare: the render (AAC alone is 16 KB a
        // second) cannot fit.
        let jobs = fixture.configuration.jobsDirectory
        try FileManager.default.createDirectory(atPath: jobs, withIntermediateDirectories: true)
        let mount = try SmallTmpfs(at: jobs, bytes: pages + 32 * 1024)
        defer { mount.unmount() }
        try FileManager.default.copyItem(atPath: staging.root, toPath: fixture.directory(job.id).root)

        let ended = try await fixture.running { try await fixture.waitUntilEnded(job.id) }

        #expect(ended.state == .dead, "one attempt allowed")
        let error = try #require(ended.error)
        #expect(error.stage == .render)
        #expect(error.category == .server, "a full disk is ours, not the caller's")
        #expect(error.message.localizedCaseInsensitiveContains("space"), "\(error.message)")
        let left = PipelineFixture.files(under: fixture.directory(job.id).root)
        #expect(!left.contains { $0.hasSuffix(".partial") || $0 == "video.mp4" }, "\(left)")
        #expect(left.contains("stages/direct.json"), "the finished stages are kept for a retry")
        #expect(try fixture.store.integrityCheck() == "ok")
        #expect(try fixture.enqueue().state == .queued, "the store still takes jobs")
    }
}

/// A tmpfs of a given size mounted over a folder for one test, unmounted after it.
struct SmallTmpfs {
    let path: String

    init(at path: String, bytes: Int) throws {
        guard Glibc.mount("tmpfs", path, "tmpfs", 0, "size=\(bytes),mode=0755") == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EPERM)
        }
        self.path = path
    }

    func unmount() {
        _ = umount2(path, Int32(MNT_DETACH))
    }

    /// Root can mount (in CI and on the development machines); elsewhere the test is skipped.
    static let canMount: Bool = {
        guard geteuid() == 0 else { return false }
        let probe = NSTemporaryDirectory() + "aiprod-tmpfs-probe-\(getpid())"
        try? FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard Glibc.mount("tmpfs", probe, "tmpfs", 0, "size=65536") == 0 else { return false }
        _ = umount2(probe, Int32(MNT_DETACH))
        return true
    }()
}
