@testable import AIProdProviders
import Testing

/// Finding the JSON object in what a model wrote without structured output.
@Suite struct JSONObjectExtractorTests {
    @Test(arguments: [
        (#"{"a": 1}"#, #"{"a": 1}"#),
        ("Here you go:\n{\"a\": [1, 2]}\nThanks.", #"{"a": [1, 2]}"#),
        ("```json\n{\"a\": \"}\"}\n```", #"{"a": "}"}"#),
        ("```\n{\"a\": 1}\n```", #"{"a": 1}"#),
        ("Use {braces} like {this}. The answer: {\"a\": \"\\\"{\"}", #"{"a": "\"{"}"#),
        ("First a fence with no JSON:\n```\nnone\n```\nthen {\"a\": 2}", #"{"a": 2}"#),
        ("```json\n{\"a\": 3}", #"{"a": 3}"#),
    ])
    func findsTheObject(_ text: String, _ expected: String) {
        #expect(JSONObjectExtractor.extract(from: text) == expected)
    }

    @Test(arguments: [
        "no JSON at all",
        "[1, 2, 3]",
        "{\"a\": 1",
        "{not: json}",
        String(repeating: "{", count: 100_000),
        String(repeating: "{\"a\":", count: 1_000) + "1" + String(repeating: "}", count: 1_000),
        "",
    ])
    func findsNothingWhereThereIsNoObject(_ text: String) {
        #expect(JSONObjectExtractor.extract(from: text) == nil)
    }

    @Test func schemasEncodeWithSortedKeys() {
        let schema: JSONValue = ["b": 1, "a": ["x", true, .null]]
        #expect(schema.text == #"{"a":["x",true,null],"b":1}"#)
    }
}
