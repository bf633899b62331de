import Foundation
import Synchronization
import Testing
import AIProdTestSupport

@Suite("CLI: scripts")
struct ScriptCLITests {
    static let script = """
    # The Bell

    The old bell rings over the quiet harbour at dawn.
    """

    @Test("plan prints the plan as JSON, byte-identical from run to run")
    func plan() throws {
        let directory = ScratchDirectory()
        directory.write(Self.script, to: "script.txt")
        let first = try AIProdBinary.run(["plan", "script.txt", "--seed", "4"], in: directory)
        let second = try AIProdBinary.run(["plan", "script.txt", "--seed", "4"], in: directory)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(first.stdout == second.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "The Bell")
        #expect(json["language"] as? String == "en")
        let scenes = try #require(json["scenes"] as? [[String: Any]])
        #expect(scenes.count == 1)
        let cues = try #require(scenes[0]["sound_cues"] as? [[String: Any]])
        #expect(cues.contains { $0["category"] as? String == "bell" })
    }

    @Test("render a script: the video and every side file, exit 0")
    func render() throws {
        let directory = ScratchDirectory()
        directory.write(Self.script, to: "script.txt")
        directory.makeDirectory("out")
        let outcome = try AIProdBinary.run(["render", "script.txt", "-o", "out/bell.mp4", "--quiet"], in: directory)
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(directory.contents(of: "out").sorted() == ["bell.jpg", "bell.media", "bell.mp4", "bell.plan.json", "bell.qa.json", "bell.srt", "bell.timeline.json", "bell.vtt"])
        let qa = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory.file("out/bell.qa.json")))) as? [String: Any])
        #expect(qa["passed"] as? Bool == true)
        #expect(outcome.stdout.contains("out/bell.mp4: 1 scenes"))
        // The job's folder is beside the video, with every stage's manifest.
        #expect(directory.contents(of: "out/bell.media/stages").sorted() == ["direct.json", "foley.json", "narrate.json", "plan.json", "publish.json", "qa.json", "render.json", "score.json", "visuals.json"])
        // The timeline renders again on its own, its files confined to its folder.
        directory.makeDirectory("again")
        let again = try AIProdBinary.run(["render", "out/bell.timeline.json", "-o", "again/bell.mp4", "--quiet"], in: directory)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        #expect(directory.contents(of: "again") == ["bell.mp4"])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var script: String?
        var arguments: [String]
        var code: String
        var mentions: String
    }

    static let cases: [Case] = [
        Case(testDescription: "empty script", script: "  \n\n ", arguments: [], code: "empty_script", mentions: "no words"),
        Case(testDescription: "only punctuation", script: "?! ... — !!", arguments: [], code: "empty_script", mentions: "no words"),
        Case(testDescription: "over the size limit", script: String(repeating: "word ", count: 10_001), arguments: [], code: "script_too_long", mentions: "50000"),
        Case(testDescription: "unknown preset", script: script, arguments: ["--preset", "vhs-480p"], code: "unknown_preset", mentions: "vhs-480p"),
        Case(testDescription: "missing soundfont", script: script, arguments: ["--config", "bad.ini"], code: "soundfont_missing", mentions: "/nowhere/gm.sf2"),
        Case(testDescription: "missing script file", script: nil, arguments: [], code: "invalid_option", mentions: "script.txt"),
        Case(testDescription: "bad duration", script: script, arguments: ["--duration=-3"], code: "invalid_option", mentions: "--duration"),
    ]

    @Test("bad input: exit 2 with the error named, nothing written", arguments: cases)
    func bad(_ sample: Case) throws {
        let directory = ScratchDirectory("script-\(sample.testDescription)")
        if let script = sample.script { directory.write(script, to: "script.txt") }
        directory.write("[studio]\nsoundfont = /nowhere/gm.sf2\n", to: "bad.ini")
        directory.makeDirectory("out")
        let outcome = try AIProdBinary.run(["render", "script.txt", "-o", "out/x.mp4"] + sample.arguments, in: directory)
        #expect(outcome.reason == .exit)
        #expect(outcome.status == 2, "stderr: \(outcome.stderr)")
        // Stage lines ("plan…") may come first; the last line is the error.
        let last = outcome.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("error: \(sample.code): "), "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains(sample.mentions), "stderr: \(outcome.stderr)")
        #expect(directory.contents(of: "out").isEmpty, "nothing written: \(directory.contents(of: "out"))")
    }

    @Test("Ctrl-C during a script render: exit 130, the job's folder and every side file removed")
    func interrupted() throws {
        let directory = ScratchDirectory()
        directory.write(Self.script, to: "script.txt")
        directory.makeDirectory("out")
        let sent = Mutex(false)
        let outcome = try AIProdBinary.run(["render", "script.txt", "-o", "out/bell.mp4"], in: directory) { process, stderrPath in
            // Stage lines come on stderr ("narrate…"); the signal goes once narration has begun.
            let deadline = ContinuousClock.now + .seconds(60)
            while process.isRunning, ContinuousClock.now < deadline {
                let text = String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
                if text.contains("narrate…") { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
            guard process.isRunning else { return }
            sent.withLock { $0 = true }
            kill(process.processIdentifier, SIGINT)
        }
        try #require(sent.withLock { $0 }, "the render ended before the signal: \(outcome.stderr)")
        #expect(outcome.status == 130, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("error: cancelled: "), "stderr: \(outcome.stderr)")
        #expect(directory.contents(of: "out").isEmpty, "nothing left behind: \(directory.contents(of: "out"))")
    }
}
