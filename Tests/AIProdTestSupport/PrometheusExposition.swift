/// A strict reader of the Prometheus text exposition format (0.0.4), for the tests of
/// `/metrics`: every line is a `# HELP`, a `# TYPE` or a sample; names and label names follow the
/// grammar; label values are quoted with only `\\`, `\"` and `\n` escapes; a family's `TYPE`
/// comes before its samples, once, and its samples are contiguous; a series appears once; a
/// histogram has, per label set, `_bucket` lines with ascending `le` and cumulative counts ending
/// in `le="+Inf"`, a `_sum` and a `_count` equal to the `+Inf` bucket. Anything else throws.
public struct PrometheusExposition: Sendable {
    public struct Sample: Sendable, Hashable {
        public var name: String
        public var labels: [String: String]
        public var value: Double
    }

    public struct Family: Sendable {
        public var name: String
        public var type: String
        public var help: String?
        public var samples: [Sample] = []
    }

    public struct Malformed: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public private(set) var families: [String: Family] = [:]

    /// The value of the one sample named `name` whose labels are exactly `labels`.
    public func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        families.values.lazy.flatMap(\.samples).first { $0.name == name && $0.labels == labels }?.value
    }

    /// Every sample named `name`.
    public func samples(_ name: String) -> [Sample] {
        families.values.flatMap(\.samples).filter { $0.name == name }
    }

    public init(parsing text: String) throws {
        guard text.isEmpty || text.hasSuffix("\n") else { throw Malformed(line: 0, reason: "the text does not end with a newline") }
        var current: String?
        var closed = Set<String>()
        var series = Set<String>()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let number = index + 1
            func fail(_ reason: String) -> Malformed { Malformed(line: number, reason: reason + ": \(line)") }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3, parts[0] == "#", parts[1] == "HELP" || parts[1] == "TYPE" else { throw fail("a comment other than HELP or TYPE") }
                let name = String(parts[2])
                guard Self.isMetricName(name) else { throw fail("bad metric name") }
                if current != name {
                    if let current { closed.insert(current) }
                    guard !closed.contains(name) else { throw fail("family \(name) appears twice") }
                    current = name
                }
                if parts[1] == "HELP" {
                    guard families[name]?.help == nil, families[name]?.samples.isEmpty ?? true else { throw fail("second or late HELP") }
                    let help = parts.count == 4 ? String(parts[3]) : ""
                    if var family = families[name] { family.help = help; families[name] = family } else {
                        families[name] = Family(name: name, type: "", help: help)
                    }
                } else {
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else { throw fail("bad TYPE") }
                    guard families[name]?.type.isEmpty ?? true else { throw fail("second TYPE") }
                    var family = families[name] ?? Family(name: name, type: "")
                    family.type = String(parts[3])
                    families[name] = family
                }
                continue
            }
            let sample = try Self.sample(line, fail: fail)
            guard let family = current, var entry = families[family], !entry.type.isEmpty else { throw fail("a sample before its TYPE") }
            let suffixes = entry.type == "histogram" ? ["_bucket", "_sum", "_count"] : entry.type == "summary" ? ["", "_sum", "_count"] : [""]
            guard suffixes.contains(where: { sample.name == family + $0 }) else { throw fail("sample \(sample.name) outside its family \(family)") }
            let key = sample.name + "{" + sample.labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
            guard series.insert(key).inserted else { throw fail("series repeated") }
            if entry.type == "counter", !(sample.value >= 0) { throw fail("a counter below 0 or NaN") }
            entry.samples.append(sample)
            families[family] = entry
        }
        for family in families.values {
            guard !family.type.isEmpty else { throw Malformed(line: 0, reason: "family \(family.name) has HELP but no TYPE") }
            if family.type == "histogram" { try Self.checkHistogram(family) }
        }
    }

    private static func checkHistogram(_ family: Family) throws {
        func fail(_ reason: String) -> Malformed { Malformed(line: 0, reason: "histogram \(family.name): \(reason)") }
        var buckets: [[String: String]: [(le: Double, count: Double)]] = [:]
        var sums: [[String: String]: Double] = [:], counts: [[String: String]: Double] = [:]
        for sample in family.samples {
            var labels = sample.labels
            if sample.name.hasSuffix("_bucket") {
                guard let text = labels.removeValue(forKey: "le"), let le = text == "+Inf" ? Double.infinity : Double(text) else {
                    throw fail("a bucket without a numeric le")
                }
                buckets[labels, default: []].append((le, sample.value))
            } else if sample.name.hasSuffix("_sum") {
                sums[labels] = sample.value
            } else {
                counts[labels] = sample.value
            }
        }
        guard Set(buckets.keys) == Set(sums.keys), Set(buckets.keys) == Set(counts.keys) else {
            throw fail("a label set lacks its buckets, _sum or _count")
        }
        for (labels, list) in buckets {
            guard list.last?.le == .infinity else { throw fail("no +Inf bucket last for \(labels)") }
            for (earlier, later) in zip(list, list.dropFirst()) {
                guard earlier.le < later.le else { throw fail("le not ascending for \(labels)") }
                guard earlier.count <= later.count else { throw fail("buckets not cumulative for \(labels)") }
            }
            guard list.allSatisfy({ $0.count >= 0 && $0.count == $0.count.rounded() }) else { throw fail("a bucket count that is no count") }
            guard counts[labels] == list.last?.count else { throw fail("_count differs from the +Inf bucket for \(labels)") }
            guard let sum = sums[labels], sum.isFinite, sum >= 0 || list.last!.count == 0 else { throw fail("bad _sum for \(labels)") }
        }
    }

    private static func sample(_ line: Substring, fail: (String) -> Malformed) throws -> Sample {
        var rest = line[...]
        let name = String(rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") })
        guard isMetricName(name) else { throw fail("bad sample name") }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                let label = String(rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
                guard isLabelName(label) else { throw fail("bad label name") }
                rest = rest.dropFirst(label.count)
                guard rest.hasPrefix("=\"") else { throw fail("label without =\"") }
                rest = rest.dropFirst(2)
                var value = ""
                while true {
                    guard let character = rest.first else { throw fail("unterminated label value") }
                    rest = rest.dropFirst()
                    if character == "\"" { break }
                    if character == "\n" { throw fail("raw newline in a label value") }
                    if character == "\\" {
                        guard let escaped = rest.first else { throw fail("dangling escape") }
                        rest = rest.dropFirst()
                        switch escaped {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw fail("unknown escape \\\(escaped)")
                        }
                    } else {
                        value.append(character)
                    }
                }
                guard labels.updateValue(value, forKey: label) == nil else { throw fail("label \(label) twice") }
                if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw fail("expected , or }") }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw fail("no space before the value") }
        let fields = rest.dropFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard fields.count == 1 || (fields.count == 2 && Int64(fields[1]) != nil) else { throw fail("bad value or timestamp") }
        let text = fields[0]
        let value: Double
        switch text {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        case "NaN": value = .nan
        default:
            guard let number = Double(text), number.isFinite,
                  text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { throw fail("bad value") }
            value = number
        }
        return Sample(name: name, labels: labels, value: value)
    }

    static func isMetricName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" || first == ":" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }
    }

    static func isLabelName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
