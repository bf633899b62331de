import AIProdCore

extension MoodStyle {
    /// The house style of each mood. Tempo and mode do most of the work; instruments follow
    /// film and library-music habit (warm pads and piano for calm, strings and choir with brass
    /// for epic, pizzicato ostinato for tense, celesta over halo pads for mysterious).
    public static func style(for mood: Mood) -> MoodStyle {
        switch mood {
        case .calm:
            MoodStyle(
                tempo: 66...78, keys: [0, 2, 5, 7],
                progressions: [
                    Progression(.major, "I V vi IV"), Progression(.major, "I IV I V"),
                    Progression(.major, "I vi IV V"), Progression(.lydian, "I II I II"),
                ],
                padPrograms: [89, 88], bassPrograms: [32], bassPattern: .sustained,
                leadPrograms: [0, 46, 11], leadPattern: .arpeggio(notesPerBeat: 2), drums: .none, velocity: 68)
        case .uplifting:
            MoodStyle(
                tempo: 104...124, keys: [0, 2, 4, 7, 9],
                progressions: [
                    Progression(.major, "I V vi IV"), Progression(.major, "vi IV I V"),
                    Progression(.major, "I IV vi V"), Progression(.major, "IV I V vi"),
                ],
                padPrograms: [50, 88, 89], bassPrograms: [33, 34], bassPattern: .rootOctave,
                leadPrograms: [0, 46], leadPattern: .arpeggio(notesPerBeat: 2), drums: .backbeat, velocity: 96)
        case .dramatic:
            MoodStyle(
                tempo: 76...92, keys: [2, 4, 7, 9, 0],
                progressions: [
                    Progression(.minor, "i VI III VII"), Progression(.harmonicMinor, "i VI iv V"),
                    Progression(.minor, "i VII VI VII"), Progression(.harmonicMinor, "i iv V i"),
                ],
                padPrograms: [50, 51], bassPrograms: [43, 32], bassPattern: .halves,
                leadPrograms: [42, 40, 61], leadPattern: .melody, drums: .pulse, velocity: 98)
        case .tense:
            MoodStyle(
                tempo: 96...116, keys: [2, 4, 9, 11],
                progressions: [
                    Progression(.phrygian, "i II i II"), Progression(.minor, "i bII i VII"),
                    Progression(.harmonicMinor, "i iv i V"), Progression(.minor, "i VI i VII"),
                ],
                padPrograms: [92, 95, 44], bassPrograms: [38, 33], bassPattern: .eighths,
                leadPrograms: [45, 11], leadPattern: .arpeggio(notesPerBeat: 4), drums: .pulse, velocity: 88)
        case .sad:
            MoodStyle(
                tempo: 58...70, beatsPerBar: 3, keys: [2, 4, 9, 5],
                progressions: [
                    Progression(.minor, "i VI III VII"), Progression(.minor, "i iv VI v"),
                    Progression(.minor, "i VI iv v"), Progression(.dorian, "i IV i v"),
                ],
                padPrograms: [89, 50], bassPrograms: [32], bassPattern: .sustained,
                leadPrograms: [0, 73, 42], leadPattern: .melody, drums: .none, velocity: 72)
        case .playful:
            MoodStyle(
                tempo: 116...136, keys: [0, 5, 7, 2],
                progressions: [
                    Progression(.major, "I IV V I"), Progression(.major, "I vi ii V"),
                    Progression(.mixolydian, "I VII IV I"), Progression(.major, "I V IV V"),
                ],
                padPrograms: [4, 88], bassPrograms: [33, 32], bassPattern: .walk,
                leadPrograms: [8, 12, 13, 45], leadPattern: .melody, drums: .backbeat, velocity: 90)
        case .epic:
            MoodStyle(
                tempo: 84...100, keys: [2, 0, 7, 9],
                progressions: [
                    Progression(.minor, "i VI III VII"), Progression(.minor, "i VII VI VII"),
                    Progression(.minor, "VI VII i i"), Progression(.harmonicMinor, "i VI iv V"),
                ],
                padPrograms: [50], layerPrograms: [54, 53], bassPrograms: [43, 33], bassPattern: .eighths,
                leadPrograms: [61, 56, 57], leadPattern: .melody, drums: .epic, velocity: 110)
        case .mysterious:
            MoodStyle(
                tempo: 60...72, keys: [2, 4, 9, 1],
                progressions: [
                    Progression(.dorian, "i IV i IV"), Progression(.phrygian, "i II i vii"),
                    Progression(.harmonicMinor, "i VI i V"), Progression(.minor, "i iv i VI"),
                ],
                padPrograms: [94, 95, 91], bassPrograms: [32, 35], bassPattern: .sustained,
                leadPrograms: [8, 11, 10], leadPattern: .arpeggio(notesPerBeat: 3), drums: .none, velocity: 66)
        }
    }
}
