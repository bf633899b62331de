/// Machines and objects: city traffic, car, door, clock, bell.
extension EffectRecipe {
    private static let n = EffectGraph.number

    /// A low brown-noise rumble, a tyre hiss that swells as one car passes, and a distant
    /// two-tone horn (odd harmonics, softened and echoed) once, somewhere in the middle.
    static func cityTraffic(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let rumble = graph.noise(.brown, amplitude: 0.9, random: &random, [
            "highpass=f=30", "lowpass=f=220", "tremolo=f=\(n(random.uniform(0.15...0.3))):d=0.3",
        ])
        let passing = random.uniform(0.8...3.2)
        let hiss = graph.noise(.pink, amplitude: 0.5, random: &random, [
            "bandpass=f=900:width_type=o:w=2",
            EffectGraph.envelope("0.4+0.6*exp(-pow((t-\(n(passing)))/0.8,2))"),
        ])
        let low = random.uniform(380...440), high = low * 1.26
        let start = random.uniform(1.2...2.4), length = random.uniform(0.35...0.6)
        let gate = "clip((t-\(n(start)))/0.02,0,1)*clip((\(n(start + length))-t)/0.05,0,1)"
        let tone = [low, high].map { f in
            [1.0, 3, 5].map { k in "sin(2*PI*\(n(f * k))*t)/\(n(k))" }.joined(separator: "+")
        }.joined(separator: "+")
        let horn = graph.expression(
            left: "\(gate)*(\(tone))", right: "0.6*\(gate)*(\(tone))",
            ["lowpass=f=2500", "aecho=in_gain=0.8:out_gain=0.6:delays=90|170:decays=0.35|0.2"])
        return graph.mix([(rumble, 0.95), (hiss, 0.19), (horn, 0.04)], graph.fades(in: 0.4, out: 0.5))
    }

    /// A car passing by: engine hum (seven harmonics of a 32–44 Hz firing rate, a sawtooth-ish
    /// buzz) with a Doppler drop in pitch as it passes, panned across, over tyre noise; the
    /// whole swells and falls (`volume` following a bell curve).
    static func car(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let firing = random.uniform(32...44)
        let passing = random.uniform(1.7...2.3)
        let direction = random.next() & 1 == 0 ? 1.0 : -1.0
        // Instantaneous frequency firing·(1 − 0.06·tanh(2.5(t − passing))), integrated.
        let phase = "\(n(firing))*(t-0.06*log(cosh(2.5*(t-\(n(passing)))))/2.5)"
        let hum = (1...7).map { k in "sin(2*PI*\(k)*\(phase))/\(k)" }.joined(separator: "+")
        let pan = "tanh(1.2*(t-\(n(passing))))*\(n(direction))"
        let engine = graph.expression(
            left: "(\(hum))*(0.6-0.4*\(pan))", right: "(\(hum))*(0.6+0.4*\(pan))")
        let tyres = graph.noise(.pink, amplitude: 0.6, random: &random, ["bandpass=f=600:width_type=o:w=2"])
        return graph.mix([(engine, 0.35), (tyres, 0.5)], [
            "lowpass=f=3500", EffectGraph.envelope("0.12+0.88*exp(-pow((t-\(n(passing)))/0.85,2))"),
        ] + graph.fades(in: 0.2, out: 0.3))
    }

    /// A door opening and closing: a creak (a stick-slip pulse train whose rate rises and
    /// falls, through a wooden resonance) then the thud of the door (a decaying 50–70 Hz sine
    /// and a noise burst) with the click of the latch.
    static func door(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 3)
        let start = 0.15, length = random.uniform(1.2...1.6)
        let base = random.uniform(22...32), rise = random.uniform(30...55)
        let age = "(t-\(n(start)))"
        // Pulse rate base + rise·sin(π·age/length), integrated.
        let phase = "(\(n(base))*\(age)+\(n(rise * length / Double.pi))*(1-cos(PI*\(age)/\(n(length)))))"
        let envelope = "between(\(age),0,\(n(length)))*sqrt(max(sin(PI*\(age)/\(n(length))),0))"
        let creak = graph.expression("\(envelope)*(exp(-12*mod(\(phase),1))-0.083)", [
            "bandpass=f=\(n(random.uniform(800...1200))):width_type=q:w=2.5",
        ])
        let shut = start + length + random.uniform(0.15...0.3)
        let since = "(t-\(n(shut)))"
        let thud = graph.expression(
            "gte(\(since),0)*(sin(2*PI*\(n(random.uniform(50...70)))*\(since))*exp(-14*max(\(since),0))"
                + "+0.6*\(EffectGraph.whiteNoise(salt: random.salt()))*exp(-45*max(\(since),0)))",
            ["lowpass=f=1200"])
        let click = "(\(since)-0.012)"
        let latch = graph.expression(
            "gte(\(click),0)*sin(2*PI*\(n(random.uniform(2000...2600)))*\(click))*exp(-250*max(\(click),0))")
        return graph.mix([(creak, 1.2), (thud, 0.9), (latch, 0.3)], [
            "highpass=f=35", "aecho=in_gain=0.9:out_gain=0.8:delays=23|37:decays=0.25|0.15",
        ] + graph.fades(in: 0.01, out: 0.2))
    }

    /// Tick… tock: one click a second, alternating a higher and a lower pitch (two decaying
    /// partials and a burst of noise), in a small room over a faint room tone.
    static func clock(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let start = 0.1
        let tick = random.uniform(2300...2800), tock = tick * 0.75
        let age = "mod(t-\(n(start)),1)"
        let pitch = "if(mod(floor(t-\(n(start))),2),\(n(tock)),\(n(tick)))"
        let click = "gte(t,\(n(start)))*((sin(2*PI*\(pitch)*\(age))+0.5*sin(2*PI*2.76*\(pitch)*\(age)))*exp(-220*\(age))"
            + "+0.6*\(EffectGraph.whiteNoise(salt: random.salt()))*exp(-700*\(age)))"
        let ticks = graph.expression(left: click, right: "0.9*\(click)", [
            "highpass=f=400", "aecho=in_gain=0.9:out_gain=0.7:delays=17|29:decays=0.3|0.2",
        ])
        let room = graph.noise(.pink, amplitude: 0.01, random: &random, ["highpass=f=100"])
        return graph.mix([(ticks, 0.6), (room, 1)], graph.fades(in: 0.01, out: 0.2))
    }

    /// A struck bell: nine inharmonic partials of a tuned bell (hum, prime, minor third, fifth,
    /// nominal and above), each decaying at its own rate, higher ones faster, with a short
    /// strike noise; the right channel a hair sharper, so the partials beat slowly.
    static func bell(_ random: inout SplitMix64) -> EffectGraph.Built {
        var graph = EffectGraph(duration: 4)
        let strike = 0.02
        let nominal = random.uniform(520...880)
        let partials: [(ratio: Double, level: Double, decay: Double)] = [
            (0.5, 0.35, 0.9), (1, 0.6, 1.4), (1.183, 0.45, 1.8), (1.506, 0.3, 2.2), (2, 0.5, 2),
            (2.514, 0.25, 3), (2.662, 0.2, 3.4), (3.011, 0.15, 4), (4.166, 0.1, 5.5),
        ]
        let age = "max(t-\(n(strike)),0)"
        let noise = EffectGraph.whiteNoise(salt: random.salt())
        func ring(_ detune: Double) -> String {
            let sum = partials.map { p in
                "\(n(p.level))*sin(2*PI*\(n(nominal * p.ratio * detune))*\(age))*exp(-\(n(p.decay))*\(age))"
            }.joined(separator: "+")
            return "gte(t,\(n(strike)))*(min(\(age)/0.002,1)*(\(sum))+0.15*\(noise)*exp(-300*\(age)))"
        }
        let bell = graph.expression(left: ring(1), right: ring(1.0025))
        return graph.mix([(bell, 0.3)], ["highpass=f=80"] + graph.fades(in: 0.01, out: 0.4))
    }
}
