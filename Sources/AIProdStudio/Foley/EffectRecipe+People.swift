/// People: crowd, footsteps, applause.
extension EffectRecipe {
    private static let n = EffectGraph.number

    /// A murmur: pink noise in five speech bands (220 Hz…3 kHz), each fluttering at its own
    /// syllable rate (3–6 Hz), so no single voice stands out.
    static func crowd(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let bands: [(center: Double, weight: Double)] = [(220, 1), (450, 1), (900, 0.8), (1800, 0.5), (3000, 0.3)]
        var voices: [(String, Double)] = []
        for band in bands {
            let voice = graph.noise(.pink, amplitude: 0.8, random: &random, [
                "bandpass=f=\(n(band.center * random.uniform(0.9...1.1))):width_type=o:w=1",
                "tremolo=f=\(n(random.uniform(3...6))):d=\(n(random.uniform(0.5...0.8)))",
            ])
            voices.append((voice, band.weight))
        }
        return graph.mix(voices, ["highpass=f=120", "lowpass=f=4000"] + graph.fades(in: 0.5, out: 0.5))
    }

    /// Walking: a step every half second or so, each a low heel thump (a decaying sine near
    /// 70 Hz), a lighter toe thump just after, and a short scuff of noise; feet alternate
    /// between left and right.
    static func footsteps(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 3)
        let start = 0.12
        let pace = random.uniform(0.48...0.6)
        let pitch = random.uniform(60...85)
        let toe = random.uniform(0.05...0.08)
        let age = "mod(t-\(n(start)),\(n(pace)))"
        let foot = "mod(floor((t-\(n(start)))/\(n(pace))),2)"
        let heel = "sin(2*PI*\(n(pitch))*\(age))*exp(-38*\(age))"
        let toeAge = "(\(age)-\(n(toe)))"
        let toeThump = "gte(\(toeAge),0)*0.5*sin(2*PI*\(n(pitch * 1.4))*\(toeAge))*exp(-45*max(\(toeAge),0))"
        let scuff = "0.35*\(EffectGraph.whiteNoise(salt: random.salt()))*exp(-70*\(age))"
        let step = "gte(t,\(n(start)))*(\(heel)+\(toeThump)+\(scuff))"
        let steps = graph.expression(
            left: "\(step)*(1-0.45*\(foot))", right: "\(step)*(0.55+0.45*\(foot))",
            ["highpass=f=40", "lowpass=f=2500"])
        return graph.mix([(steps, 0.9)], graph.fades(in: 0.01, out: 0.2))
    }

    /// Many hands: band-passed white noise cut into claps by three overlapping layers of dense
    /// grains (about a hundred claps a second), a slight pulse (`tremolo`), a little room
    /// body, swelling in and dying away.
    static func applause(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let hands = graph.noise(.white, amplitude: 1, random: &random, [
            "bandpass=f=\(n(random.uniform(1500...2200))):width_type=o:w=1.5",
        ])
        func claps(_ random: inout SplitMix64) -> String {
            [29.0, 37, 43].map { rate in
                "(\(EffectGraph.grains(rate: rate * random.uniform(0.95...1.05), probability: 0.85, decay: 260, salt: random.salt())))"
            }.joined(separator: "+")
        }
        let shape = graph.expression(left: claps(&random), right: claps(&random))
        let clapping = graph.product(hands, shape, ["tremolo=f=\(n(random.uniform(6...10))):d=0.15"])
        let room = graph.noise(.pink, amplitude: 0.3, random: &random, ["highpass=f=150", "lowpass=f=900"])
        return graph.mix([(clapping, 0.75), (room, 0.38)], ["afade=t=in:d=0.25", "afade=t=out:st=2.8:d=1.2"])
    }
}
