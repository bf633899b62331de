/// Kinds of sound effect the studio can place: a folder name in the local library, and a
/// recipe the synthesiser knows when the library has no file for it.
public enum SoundCategory: String, Codable, Sendable, Hashable, CaseIterable {
    case rain, wind, sea, thunder, birds
    case cityTraffic = "city_traffic"
    case crowd, footsteps, door, fire, clock, applause, car, bell
}
