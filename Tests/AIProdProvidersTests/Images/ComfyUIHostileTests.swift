import AIProdCore
import AIProdProviders
import AIProdTestSupport
import Foundation
import Testing

/// What a hostile ComfyUI can answer to a submission or a poll: typed errors, never a request
/// to another path or file.
@Suite struct ComfyUIHostileTests {
    static let replies: [(submit: String, history: String)] = [
        (#"{"prompt_id": "../../system_stats"}"#, "{}"),
        (#"{"prompt_id": 42}"#, "{}"),
        (#"{"number": 1}"#, "{}"),
        (#"{"prompt_id": "p1"}"#, "[]"),
        (#"{"prompt_id": "p1"}"#, #"{"p1": []}"#),
        (#"{"prompt_id": "p1"}"#, #"{"p1": {"outputs": []}}"#),
        (#"{"prompt_id": "p1"}"#, #"{"p1": {"outputs": {"9": {"images": {"filename": "a.png"}}}}}"#),
        (#"{"prompt_id": "p1"}"#, #"{"p1": {"outputs": {"9": {"images": [{"filename": "../../secret.png", "subfolder": "", "type": "output"}]}}}}"#),
        (#"{"prompt_id": "p1"}"#, #"{"p1": {"outputs": {"9": {"images": [{"filename": 7, "subfolder": "", "type": "output"}]}}}}"#),
        (#"{"prompt_id": "p1"}"#, #"{"p1": {"outputs": {}, "status": {"status_str": "success", "completed": true}}}"#),
    ]

    @Test func hostileRepliesAreTypedErrors() async throws {
        let scratch = ScratchDirectory()
        let workflow = scratch.write(FakeComfyServer.workflow, to: "workflow.json")
        for reply in Self.replies {
            try await ImagesFixture.scriptedTask(submitPath: "prompt", submit: reply.submit, statusPath: "history/:id", status: reply.history) { server, base in
                let images = try ImagesFixture.images(ComfyUITests.config(base, workflow: workflow))
                let result = await ImagesFixture.generate(images, ImageRequest(prompt: "x", width: 512, height: 512, seed: 1))
                let error = try #require(ImagesFixture.failure(result), "\(reply)")
                #expect(error.code == .malformedReply, "\(reply): \(error)")
                #expect(await server.requests().allSatisfy { $0.path == "/prompt" || $0.path == "/history/p1" }, "\(reply)")
            }
        }
    }
}
