/// Why bytes a provider sent (a picture, a clip, a recording) were not made into a file of the
/// job: the stage turns it into a warning and tries the next source.
struct ReceivedMediaError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
