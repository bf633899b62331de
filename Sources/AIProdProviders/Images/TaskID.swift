/// A task identifier a provider answered with (comfyui's `prompt_id`, Runway's `id`): it goes
/// into the next request's path, so only 1…128 of `A-Z a-z 0-9 - _ .` are accepted (a hostile
/// reply cannot point the poll at another path).
enum TaskID {
    static func check(_ id: String, field: String, provider: String) throws(ProviderError) -> String {
        let allowed = id.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".")
        }
        guard (1...128).contains(id.utf8.count), allowed, id != ".", id != ".." else {
            throw ProviderError(.malformedReply, provider: provider, "\(field) is not a task id")
        }
        return id
    }
}
