import AIProdCore
@testable import AIProdPipeline
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

@Suite("Credits: gathered from a job's folder")
struct CreditsCollectorTests {
    @Test("every kind of record becomes its credit, in the video's order, with the attribution lines once each")
    func everyKind() throws {
        let scratch = ScratchDirectory()
        let directory = try CreditsFolder.filled(scratch)
        let document = CreditsCollector(directory: directory, models: ["writer": "gpt-4o-mini", "local": "llama3", "tts": "tts-1"],
                                        offlineVoice: "en-us").collect()
        let credits = document.credits
        #expect(credits.map(\.role) == [.script, .plan, .voice, .voice, .voice, .voice, .visual, .visual, .visual, .motion, .visual,
                                        .effect, .effect, .effect, .effect, .music, .music])

        // The script by the LLM that answered; the plan by the one whose plan was not refused.
        #expect(credits[0] == Credit(role: .script, file: "script.txt", source: "writer", kind: "openai-chat", title: "The Bell",
                                     license: .generated, model: "gpt-4o-mini"))
        #expect(credits[1] == Credit(role: .plan, file: "plan.json", source: "local", kind: "openai-chat", title: "The Bell",
                                     license: .generated, model: "llama3", seed: 3))
        // Voices per scene: the provider, then espeak-ng with its voice.
        #expect(credits[2] == Credit(role: .voice, scene: 0, file: "media/narration-1.wav", source: "tts", kind: "openai-speech",
                                     license: .generated, model: "tts-1"))
        #expect(credits[4] == Credit(role: .voice, scene: 2, file: "media/narration-3.wav", source: "offline", title: "en-us",
                                     license: .generated, model: "espeak-ng"))
        // Pictures: the job's own asset, then the stages' credits with their scene and file filled in.
        #expect(credits[6] == Credit(role: .visual, scene: 0, file: "assets/bell-tower.jpg", source: "assets", title: "bell-tower.jpg",
                                     license: .studio))
        #expect(credits[7].source == "painter" && credits[7].scene == 1 && credits[7].file == "media/visual-2.png" && credits[7].seed == 11)
        // The clip's still first: the photo it was animated from, on the clip's scene.
        #expect(credits[8] == Credit(role: .visual, scene: 2, source: "stock", kind: "pexels", title: "Bell tower", author: "Bo",
                                     license: .ccBy, link: "https://example.org/bell"))
        #expect(credits[9].role == .motion && credits[9].model == "gen4_turbo" && credits[9].file == "media/visual-3.mp4")
        #expect(credits[10].author == "Ana Lee" && credits[10].scene == 3 && credits[10].license == .pexels)
        // Effects: the found sound, the library's, the synthesiser's.
        #expect(credits[11].title == "Rain on tin" && credits[11].scene == 0 && credits[11].file == "media/effect-1-1.mp3")
        #expect(credits[11].authorURL == "https://freesound.org/people/jdoe/")
        #expect(credits[12] == Credit(role: .effect, scene: 1, file: "media/effect-2-1.wav", source: "library", title: "bell", license: .studio))
        #expect(credits[13] == Credit(role: .effect, scene: 2, file: "media/effect-3-1.wav", source: "offline", title: "wind",
                                      license: .generated, model: "aiprod effect synthesiser"))
        #expect(credits[14].scene == 2 && credits[14].file == "media/effect-3-2.mp3")
        // Music in playing order, heard in the job's music bed.
        #expect(credits[15].title == "calm/tide.ogg" && credits[15].file == "media/music.wav")
        #expect(credits[16].model == "fluidsynth TimGM6mb" && credits[16].file == "media/music.wav")

        // Only CC BY asks for a line, and the sound used twice is credited once.
        #expect(document.attribution == ["“Bell tower” by Bo (example.org/bell), CC BY 4.0", "“Rain on tin” by jdoe (freesound.org/s/123), CC BY 4.0"])
    }

    @Test("the JSON file's shape: credits and attribution, snake_case, and it reads back the same")
    func jsonShape() throws {
        let scratch = ScratchDirectory()
        let directory = try CreditsFolder.filled(scratch)
        let document = CreditsCollector(directory: directory).collect()
        let data = try JSONCoding.encoder.encode(document)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["credits", "attribution"])
        let first = try #require((object["credits"] as? [[String: Any]])?.first)
        #expect(first["role"] as? String == "script" && first["license"] as? String == "generated")
        let rain = try #require((object["credits"] as? [[String: Any]])?.first { $0["title"] as? String == "Rain on tin" })
        #expect(rain["license"] as? String == "cc-by" && rain["link"] as? String == "https://freesound.org/s/123/")
        #expect(try JSONCoding.decoder.decode(CreditsDocument.self, from: data).credits.count == document.credits.count)
    }

    @Test("an offline job: planned offline, spoken by espeak-ng; a refused LLM plan does not take the credit")
    func offline() throws {
        let scratch = ScratchDirectory()
        let directory = JobDirectory(root: scratch.file("job"))
        try directory.writeJSON(CreditsFolder.plan(warnings: ["gpt did not plan the script (invalid_answer: x); planned offline"]),
                                to: JobDirectory.plan, stage: nil)
        ProviderCallLog.append(CreditsFolder.call("gpt", .openAIChat, .plan, "plan", .succeeded), to: directory.path(JobDirectory.providerCalls))
        try directory.writeJSON([Narration(path: "media/narration-1.wav", sampleCount: 4800, words: [])], to: JobDirectory.narrations, stage: nil)
        let credits = CreditsCollector(directory: directory).collect().credits
        #expect(credits == [
            Credit(role: .plan, file: "plan.json", source: "offline", title: "The Bell", license: .generated, model: "aiprod offline planner", seed: 3),
            Credit(role: .voice, scene: 0, file: "media/narration-1.wav", source: "offline", license: .generated, model: "espeak-ng"),
        ])
    }

    @Test("missing or broken files leave their part out (an old job, a timeline job): no credit, no failure")
    func missingAndBroken() throws {
        let scratch = ScratchDirectory()
        let directory = JobDirectory(root: scratch.file("job"))
        try directory.makeDirectory(JobDirectory.media, stage: nil)
        #expect(CreditsCollector(directory: directory).collect() == CreditsDocument(credits: [], attribution: []))
        try CreditsFolder.fill(directory)
        try directory.write(Data("{\"not\": \"a list\"}".utf8), to: JobDirectory.visuals, stage: nil)
        try directory.write(Data([0xFF, 0x00, 0x7B]), to: JobDirectory.effects, stage: nil)
        try directory.write(Data("garbage\n{\"provider\": 1}\n".utf8), to: JobDirectory.providerCalls, stage: nil)
        let roles = CreditsCollector(directory: directory).collect().credits.map(\.role)
        #expect(roles == [.script, .plan, .voice, .voice, .voice, .voice, .music, .music])
    }
}
