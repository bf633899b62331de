/// Weather and nature: rain, wind, sea, thunder, birds, fire. Each lists what it is made of.
extension EffectRecipe {
    private static let n = EffectGraph.number

    /// Pink-noise wash (rumble cut, a slight flutter) plus near drops: white noise gated by
    /// sparse fast-decaying grains, kept bright.
    static func rain(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let wash = graph.noise(.pink, amplitude: 0.6, random: &random, [
            "highpass=f=\(n(random.uniform(350...550)))", "lowpass=f=9000",
            "tremolo=f=\(n(random.uniform(5...8))):d=0.12",
        ])
        let hiss = graph.noise(.white, amplitude: 1, random: &random)
        let drops = graph.expression(
            left: EffectGraph.grains(rate: 45, probability: 0.35, decay: 300, salt: random.salt()),
            right: EffectGraph.grains(rate: 45, probability: 0.35, decay: 300, salt: random.salt()))
        let patter = graph.product(hiss, drops, ["highpass=f=2500"])
        return graph.mix([(wash, 0.85), (patter, 0.4)], graph.fades(in: 0.3, out: 0.5))
    }

    /// Low-passed brown noise swaying left and right (`apulsator`) with slow gusts (`tremolo`),
    /// plus a narrow band of pink noise that whistles in the gusts.
    static func wind(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let body = graph.noise(.brown, amplitude: 0.9, random: &random, [
            "highpass=f=50", "lowpass=f=\(n(random.uniform(600...900)))",
            "apulsator=hz=\(n(random.uniform(0.2...0.35))):amount=0.5",
            "tremolo=f=\(n(random.uniform(0.3...0.5))):d=0.6",
        ])
        let whistle = graph.noise(.pink, amplitude: 0.6, random: &random, [
            "bandpass=f=\(n(random.uniform(700...1100))):width_type=q:w=4",
            "tremolo=f=\(n(random.uniform(0.4...0.7))):d=0.8",
        ])
        return graph.mix([(body, 1), (whistle, 0.6)], graph.fades(in: 0.6, out: 0.8))
    }

    /// One wave: a low brown-noise surge that swells and falls, then bright foam (pink noise)
    /// peaking just after it as the wave breaks.
    static func sea(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let crest = random.uniform(1.6...2.2)
        let surge = graph.noise(.brown, amplitude: 0.9, random: &random, [
            "lowpass=f=\(n(random.uniform(700...1000)))",
            EffectGraph.envelope("0.3+0.7*exp(-pow((t-\(n(crest)))/1.1,2))"),
        ])
        let foam = graph.noise(.pink, amplitude: 0.6, random: &random, [
            "highpass=f=1500", "lowpass=f=7000", "tremolo=f=\(n(random.uniform(6...9))):d=0.2",
            EffectGraph.envelope("0.1+0.9*exp(-pow((t-\(n(crest + 0.5)))/0.7,2))"),
        ])
        return graph.mix([(surge, 0.72), (foam, 0.36)], graph.fades(in: 0.4, out: 0.6))
    }

    /// A crack at the start (high-passed white noise, 0.3 s exponential decay) over a rumble:
    /// doubly low-passed brown noise rising fast and decaying over the whole length, rolling
    /// (`tremolo`) and echoing off distant ground (`aecho`).
    static func thunder(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let crack = graph.noise(.white, amplitude: 1, random: &random, [
            "highpass=f=\(n(random.uniform(900...1500)))", "afade=t=in:d=0.004",
            "afade=t=out:st=0.004:d=\(n(random.uniform(0.25...0.4))):curve=exp",
        ])
        let cutoff = n(random.uniform(160...240))
        let rumble = graph.noise(.brown, amplitude: 1, random: &random, [
            "lowpass=f=\(cutoff)", "lowpass=f=\(cutoff)", "afade=t=in:d=0.15",
            "afade=t=out:st=0.2:d=3.8:curve=exp", "tremolo=f=\(n(random.uniform(2...4))):d=0.4",
            "aecho=in_gain=0.9:out_gain=0.8:delays=\(Int(random.uniform(250...400)))|\(Int(random.uniform(600...900))):decays=0.4|0.25",
        ])
        return graph.mix([(crack, 0.5), (rumble, 2.4)], ["afade=t=out:st=3.7:d=0.3"])
    }

    /// Two birds, one each side: phrases of short chirps (frequency sweeps under a sine²
    /// gate) at their own pitch and pace, over a faint high air; a short echo for space.
    static func birds(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 3)
        let first = birdSong(&random), second = birdSong(&random)
        let song = graph.expression(
            left: "0.5*(\(first))+0.2*(\(second))", right: "0.2*(\(first))+0.5*(\(second))",
            ["aecho=in_gain=0.9:out_gain=0.8:delays=60|110:decays=0.25|0.15"])
        let air = graph.noise(.pink, amplitude: 0.05, random: &random, ["highpass=f=2000"])
        return graph.mix([(song, 0.66), (air, 1)], graph.fades(in: 0.05, out: 0.3))
    }

    /// One bird's song as an expression of `t`: chirps every `period` s, in phrases of a few
    /// chirps separated by whole periods of silence (so no chirp is cut).
    private static func birdSong(_ random: inout SplitMix64) -> String {
        let period = random.uniform(0.16...0.26)
        let length = random.uniform(0.06...0.1)
        let low = random.uniform(2600...3600)
        let sweep = random.uniform(-1200...1800)
        let phrase = period * (random.uniform(3...5).rounded() + random.uniform(2...3).rounded())
        let sung = phrase - period * 2
        let offset = random.uniform(0...0.5)
        let age = "mod(t-\(n(offset)),\(n(period)))"
        let gate = "gte(t,\(n(offset)))*lt(mod(t-\(n(offset)),\(n(phrase))),\(n(sung)))"
        let chirp = "lt(\(age),\(n(length)))*pow(sin(PI*\(age)/\(n(length))),2)"
            + "*sin(2*PI*(\(n(low))*\(age)+\(n(sweep / (2 * length)))*\(age)*\(age)))"
        return "\(gate)*\(chirp)"
    }

    /// A low roar (brown noise, flickering) and a faint hiss, with crackle: white noise shaped
    /// by two layers of sparse grains, many tiny snaps and fewer, fuller pops.
    static func fire(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let roar = graph.noise(.brown, amplitude: 0.8, random: &random, [
            "lowpass=f=\(n(random.uniform(350...550)))", "tremolo=f=\(n(random.uniform(1...2))):d=0.35",
        ])
        let hiss = graph.noise(.pink, amplitude: 0.3, random: &random, ["highpass=f=3000"])
        let sparks = graph.noise(.white, amplitude: 1, random: &random)
        func crackle(_ random: inout SplitMix64) -> String {
            "(\(EffectGraph.grains(rate: 30, probability: 0.3, decay: 500, salt: random.salt())))"
                + "+0.8*(\(EffectGraph.grains(rate: 7, probability: 0.5, decay: 90, salt: random.salt())))"
        }
        let shape = graph.expression(left: crackle(&random), right: crackle(&random))
        let crackles = graph.product(sparks, shape, ["highpass=f=900"])
        return graph.mix([(roar, 0.8), (hiss, 0.3), (crackles, 0.35)], graph.fades(in: 0.3, out: 0.5))
    }
}
