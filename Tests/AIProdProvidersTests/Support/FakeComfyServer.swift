import Foundation
import Hummingbird

/// ComfyUI on loopback, as its HTTP API behaves: `POST /prompt` takes `{prompt: graph,
/// client_id}` and answers `{prompt_id, number, node_errors}`; `GET /history/{id}` answers
/// `{}` while the prompt waits or runs, then its outputs (`SaveImage`'s
/// `{filename, subfolder, type}`) and status; `GET /view?filename=&subfolder=&type=` the file.
/// The picture's colour derives from the graph's first `CLIPTextEncode` text
/// (``FakeImagePicture``), its size from the `EmptyLatentImage` node.
enum FakeComfyServer {
    enum Outcome: Sendable {
        /// `{}` for this many polls, then the outputs.
        case finish(afterPolls: Int)
        /// `{}` for this many polls, then an execution error with this message.
        case fail(afterPolls: Int, message: String)
        /// `{}` forever.
        case never
    }

    /// The template the tests configure: an API-format text-to-image graph with the four
    /// placeholders (as ComfyUI's default workflow, exported with "Save (API Format)").
    static let workflow = """
    {
      "3": {"class_type": "KSampler", "inputs": {"seed": {{seed}}, "steps": 20, "cfg": 7, "sampler_name": "euler", "scheduler": "normal",
            "denoise": 1, "model": ["4", 0], "positive": ["6", 0], "negative": ["7", 0], "latent_image": ["5", 0]}},
      "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "sd_xl_base_1.0.safetensors"}},
      "5": {"class_type": "EmptyLatentImage", "inputs": {"width": {{width}}, "height": {{height}}, "batch_size": 1}},
      "6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}", "clip": ["4", 1]}},
      "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark", "clip": ["4", 1]}},
      "8": {"class_type": "VAEDecode", "inputs": {"samples": ["3", 0], "vae": ["4", 2]}},
      "9": {"class_type": "SaveImage", "inputs": {"filename_prefix": "aiprod", "images": ["8", 0]}}
    }
    """

    /// What the fake knows of the prompts it was given.
    actor Queue {
        struct Job {
            var prompt: String
            var width: Int
            var height: Int
            var polls = 0
        }

        var jobs: [String: Job] = [:]
        var files: [String: Data] = [:]

        func add(_ id: String, _ job: Job) { jobs[id] = job }
        func poll(_ id: String) -> Job? {
            jobs[id]?.polls += 1
            return jobs[id]
        }
        func put(_ name: String, _ data: Data) { files[name] = data }
        func file(_ name: String) -> Data? { files[name] }
    }

    /// `picture`: replaces the saved file's bytes (for tests of a bad picture).
    static func serving<T: Sendable>(_ outcome: Outcome, picture: Data? = nil,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        let queue = Queue()
        return try await FakeProviderServer.serving({ router, server in
            router.post("prompt") { request, _ -> Response in
                let received = try await server.remember(request)
                guard let object = try? JSONSerialization.jsonObject(with: received.body) as? [String: Any],
                      let graph = object["prompt"] as? [String: Any], object["client_id"] is String else {
                    return FakeProviderServer.json(#"{"error": {"type": "invalid_prompt", "message": "no prompt"}, "node_errors": {}}"#, status: .badRequest)
                }
                let nodes = graph.values.compactMap { $0 as? [String: Any] }
                let text = nodes.first { $0["class_type"] as? String == "CLIPTextEncode" && (($0["inputs"] as? [String: Any])?["text"] as? String) != "text, watermark" }
                let latent = nodes.first { $0["class_type"] as? String == "EmptyLatentImage" }?["inputs"] as? [String: Any]
                guard let prompt = (text?["inputs"] as? [String: Any])?["text"] as? String, let width = latent?["width"] as? Int,
                      let height = latent?["height"] as? Int else {
                    return FakeProviderServer.json(#"{"error": {"type": "prompt_outputs_failed_validation"}, "node_errors": {}}"#, status: .badRequest)
                }
                let id = UUID().uuidString.lowercased()
                await queue.add(id, Queue.Job(prompt: prompt, width: width, height: height))
                return FakeProviderServer.json(#"{"prompt_id": "\#(id)", "number": 1, "node_errors": {}}"#)
            }
            router.get("history/:id") { request, context -> Response in
                _ = try await server.remember(request)
                guard let id = context.parameters.get("id"), let job = await queue.poll(id) else { return FakeProviderServer.json("{}") }
                switch outcome {
                case .never:
                    return FakeProviderServer.json("{}")
                case .finish(let after):
                    guard job.polls > after else { return FakeProviderServer.json("{}") }
                    let name = "aiprod_\(id.prefix(8))_.png"
                    let data = try picture ?? FakeImagePicture.picture(for: job.prompt, width: min(job.width, 256), height: min(job.height, 256))
                    await queue.put(name, data)
                    return FakeProviderServer.json("""
                    {"\(id)": {"prompt": [1, "\(id)", {}, {}, ["9"]], "outputs": {"9": {"images": [{"filename": "\(name)", "subfolder": "", "type": "output"}]}},
                     "status": {"status_str": "success", "completed": true, "messages": [["execution_start", {"prompt_id": "\(id)"}]]}}}
                    """)
                case .fail(let after, let message):
                    guard job.polls > after else { return FakeProviderServer.json("{}") }
                    return FakeProviderServer.json("""
                    {"\(id)": {"prompt": [1, "\(id)", {}, {}, ["9"]], "outputs": {},
                     "status": {"status_str": "error", "completed": false, "messages": [["execution_start", {"prompt_id": "\(id)"}],
                       ["execution_error", {"prompt_id": "\(id)", "node_id": "3", "node_type": "KSampler", "exception_message": "\(message)"}]]}}}
                    """)
                }
            }
            router.get("view") { request, _ -> Response in
                _ = try await server.remember(request)
                let query = request.uri.queryParameters
                guard let name = query["filename"].map(String.init), query["type"] == "output",
                      let data = await queue.file(name) else {
                    return FakeProviderServer.json(#"{"error": "not found"}"#, status: .notFound)
                }
                return FakeProviderServer.bytes(data, contentType: "image/png")
            }
        }, body)
    }
}
