import AIProdCore
import AIProdMedia
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// `EffectSynthesiser`: every category makes a real, audible, stereo effect of its recipe's
/// length, the same seed makes the same bytes, and a finished file is reused.
@Suite("Foley: synthesised effects")
struct FoleySynthesisTests {
    @Test("every category synthesises a non-silent stereo 48 kHz WAV of its recipe's length", arguments: SoundCategory.allCases)
    func synthesises(category: SoundCategory) throws {
        let directory = ScratchDirectory("synth-\(category.rawValue)")
        let recipe = EffectRecipe(category, seed: 7)
        let effect = try EffectSynthesiser().effect(category, seed: 7, in: directory.path)
        #expect(effect.path == directory.file("sfx-\(category.rawValue)-7.wav"))
        #expect(effect.category == category)
        #expect(effect.source == .synthesised)
        #expect(effect.durationSeconds == recipe.durationSeconds)
        #expect(EffectRecipe.durationRange.contains(effect.durationSeconds))
        #expect(directory.contents == ["sfx-\(category.rawValue)-7.wav"], "nothing half-written left behind")

        let probe = try MediaProbe(decode: true, measureLoudness: true).probe(effect.path)
        #expect(probe.format == "wav")
        #expect(probe.decodeError == nil)
        let audio = try #require(probe.stream("audio"))
        #expect(audio.codec == "pcm_s16le")
        #expect(audio.sampleRate == 48_000)
        #expect(audio.channels == 2)
        #expect(audio.decodedSamples == Int64(recipe.sampleCount))
        #expect(abs((probe.durationSeconds ?? 0) - recipe.durationSeconds) < 0.001)
        let loudness = try #require(probe.loudness)
        #expect(loudness.integratedLufs > -45, "\(category.rawValue) is audible: \(loudness.integratedLufs) LUFS")
        #expect(loudness.integratedLufs < -12, "\(category.rawValue) leaves headroom for the mix: \(loudness.integratedLufs) LUFS")
        #expect(loudness.truePeakDbtp < 0, "\(category.rawValue) does not clip: \(loudness.truePeakDbtp) dBTP")
    }

    @Test("same category and seed give identical bytes; another seed gives another take", arguments: SoundCategory.allCases)
    func deterministic(category: SoundCategory) throws {
        let first = ScratchDirectory("determinism-a-\(category.rawValue)")
        let second = ScratchDirectory("determinism-b-\(category.rawValue)")
        let synthesiser = EffectSynthesiser()
        let a = try synthesiser.effect(category, seed: 424_242, in: first.path)
        let b = try synthesiser.effect(category, seed: 424_242, in: second.path)
        let other = try synthesiser.effect(category, seed: 424_243, in: first.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: a.path))
        #expect(bytes == (try Data(contentsOf: URL(fileURLWithPath: b.path))))
        #expect(bytes != (try Data(contentsOf: URL(fileURLWithPath: other.path))))
        #expect(other.durationSeconds == a.durationSeconds, "the seed varies the take, not the length")
    }

    @Test("recipes: lengths within 1.5–4 s, graphs fixed by the seed, seeds above Int64.max accepted")
    func recipes() throws {
        for category in SoundCategory.allCases {
            let recipe = EffectRecipe(category, seed: 1)
            #expect(EffectRecipe.durationRange.contains(recipe.durationSeconds))
            #expect(recipe.sampleCount == Int((recipe.durationSeconds * 48_000).rounded()))
            #expect(recipe.graph == EffectRecipe(category, seed: 1).graph)
            #expect(recipe.graph != EffectRecipe(category, seed: 2).graph)
        }
        #expect(EffectRecipe.durationRange == 1.5...4)
        let directory = ScratchDirectory()
        let effect = try EffectSynthesiser().effect(.bell, seed: .max, in: directory.path)
        #expect(effect.path.hasSuffix("/sfx-bell-18446744073709551615.wav"))
        #expect(try MediaProbe(decode: false, measureLoudness: false).probe(effect.path).stream("audio")?.channels == 2)
    }

    @Test("a finished file is reused as it is; a damaged one is replaced; a missing directory is made")
    func reuse() throws {
        let directory = ScratchDirectory()
        let folder = directory.file("jobs/1/foley")
        let synthesiser = EffectSynthesiser()
        let made = try synthesiser.effect(.clock, seed: 3, in: folder)
        let identity = try FileManager.default.attributesOfItem(atPath: made.path)[.systemFileNumber] as? NSNumber
        let again = try synthesiser.effect(.clock, seed: 3, in: folder)
        #expect(again == made)
        #expect(try FileManager.default.attributesOfItem(atPath: again.path)[.systemFileNumber] as? NSNumber == identity,
                "the same file, not written again")

        try Data("not a wav".utf8).write(to: URL(fileURLWithPath: made.path))
        let repaired = try synthesiser.effect(.clock, seed: 3, in: folder)
        let probe = try MediaProbe(decode: true, measureLoudness: false).probe(repaired.path)
        #expect(probe.stream("audio")?.decodedSamples == Int64(EffectRecipe(.clock, seed: 3).sampleCount))
        #expect((try FileManager.default.contentsOfDirectory(atPath: folder)) == ["sfx-clock-3.wav"])
    }

    @Test("a directory that cannot be made is a synthesis error naming it")
    func unwritable() throws {
        let directory = ScratchDirectory()
        let blocker = directory.write("a file where a folder should be", to: "blocked")
        #expect {
            try EffectSynthesiser().effect(.rain, seed: 1, in: blocker + "/foley")
        } throws: { error in
            guard let error = error as? StudioError else { return false }
            return error.code == .synthesisFailed && error.message.contains(blocker)
        }
    }
}
