import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page read with a real XML parser: if it parses, every element is closed and every entity
/// is one XML knows. Keeps each element's name and attributes, and the text of the whole page
/// and of `<style>` elements, for the tests to search.
public final class XHTMLDocument: NSObject, XMLParserDelegate {
    public struct Element: Sendable {
        public var name: String
        public var attributes: [String: String]
    }

    public private(set) var elements: [Element] = []
    public private(set) var text = ""
    public private(set) var styles = ""
    private var inStyle = false
    private var failure: (any Error)?

    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public init(_ html: String) throws {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        parser.shouldResolveExternalEntities = false
        guard parser.parse(), failure == nil else {
            throw Malformed(description: "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): "
                + "\(parser.parserError.map { "\($0)" } ?? failure.map { "\($0)" } ?? "unknown")")
        }
    }

    public func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributes))
        if elementName == "style" { inStyle = true }
    }

    public func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "style" { inStyle = false }
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
        if inStyle { styles += string }
    }

    public func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failure = parseError
    }

    public func elements(named name: String) -> [Element] { elements.filter { $0.name == name } }
}
