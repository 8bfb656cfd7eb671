import ClaimCore
import Foundation
import Testing

/// Arrays written an element at a time (`questions --json`, the JSON digest) are the bytes of encoding them whole.
@Suite struct JSONOutputTests {
    struct Item: Encodable {
        let name: String
        let empty: [Int]
        let nested: [String: [String]]
    }

    @Test func elementsWrittenOneAtATimeAreTheWholeArray() throws {
        let items = [Item(name: "a", empty: [], nested: ["x": [], "y": ["z"]]), Item(name: "b\nc", empty: [], nested: [:])]
        let whole = try JSONOutput.string(items)
        let pieces = "[\n" + (try items.map { try JSONOutput.element($0, depth: 1) }).joined(separator: ",\n") + "\n]"
        #expect(pieces == whole)
        // Two levels down, as the digest's lists sit inside its document.
        struct Document: Encodable { let list: [Item] }
        let document = try JSONOutput.string(Document(list: items))
        #expect(document == "{\n  \"list\" : [\n" + (try items.map { try JSONOutput.element($0, depth: 2) }).joined(separator: ",\n") + "\n  ]\n}")
    }
}
