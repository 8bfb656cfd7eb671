import Foundation
@testable import HTMLKit
import Testing

@Suite struct HTMLDocumentTests {
    @Test func recoversFromBrokenMarkup() throws {
        let html = "<html><body><div class=a><p>First <b>bold<p>Second</div><span>tail"
        let document = try HTMLDocument(html: Data(html.utf8))
        #expect(try document.select("//p").map(\.text) == ["First bold", "Second"])
        #expect(try document.text("//span") == "tail")
    }

    @Test func decodesEntitiesAndCollapsesWhitespace() throws {
        let html = "<p>  Apple&nbsp;&amp; the&#36;1,600\n\t upgrade &ldquo;now&rdquo; &zwnj;iPhone&zwnj; </p>"
        let document = try HTMLDocument(html: Data(html.utf8))
        #expect(try document.text("//p") == "Apple & the$1,600 upgrade \u{201C}now\u{201D} iPhone")
        #expect(HTMLDocument.decodeEntities("Tom&#039;s &amp; Jerry &lt;b&gt;") == "Tom's & Jerry <b>")
    }

    @Test func readsWindows1252WhenDeclared() throws {
        // 0x93/0x94 are curly quotes and 0x80 the euro sign in Windows-1252; invalid as UTF-8.
        var bytes = Data("<html><head><meta charset=\"windows-1252\"></head><body><p>".utf8)
        bytes.append(contentsOf: [0x93, 0x48, 0x69, 0x94, 0x20, 0x80, 0x35])
        bytes.append(Data("</p></body></html>".utf8))
        let document = try HTMLDocument(html: bytes)
        #expect(try document.text("//p") == "\u{201C}Hi\u{201D} \u{20AC}5")
    }

    @Test(arguments: [
        ("<meta charset=\"windows-1252\">", "windows-1252"), ("<META HTTP-EQUIV=Content-Type CONTENT='text/html; CharSet=ISO-8859-1'>", "windows-1252"),
        ("<meta charset='UTF-8' />", "utf-8"), ("<meta charset= Shift_JIS>", "shift_jis"), ("<meta charset=\"\">", nil),
        ("<p>no declaration</p>", nil), ("é<meta charset=koi8-r>", "koi8-r"),
        (String(repeating: " ", count: 1020) + "<meta charset=koi8-r>", nil),  // beyond the first 1,024 bytes
    ] as [(String, String?)])
    func theMetaPrescanReadsTheDeclaredCharset(html: String, expected: String?) {
        #expect(Charset.metaDeclaration(Data(html.utf8)) == expected)
    }

    @Test func theHTTPCharsetWinsOverGuessing() throws {
        let bytes = Data([0x3C, 0x70, 0x3E, 0xE9, 0x74, 0xE9, 0x3C, 0x2F, 0x70, 0x3E])  // <p>été</p> in Latin-1
        #expect(try HTMLDocument(html: bytes, charset: Charset.fromContentType("text/html; charset=ISO-8859-1")).text("//p") == "été")
        #expect(try HTMLDocument(html: bytes).text("//p") == "été")  // not UTF-8, no declaration: Windows-1252
    }

    @Test func aByteOrderMarkDecidesTheEncoding() throws {
        var bytes = Data([0xFF, 0xFE])
        bytes.append("<p>ünï</p>".data(using: .utf16LittleEndian)!)
        #expect(try HTMLDocument(html: bytes).text("//p") == "ünï")
    }

    @Test func parsesFiveThousandLevelsOfNesting() throws {
        let depth = 5_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + "<p id='deep'>bottom</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let document = try HTMLDocument(html: Data(html.utf8))
        #expect(try document.text("//p[@id='deep']") == "bottom")
        #expect(try document.select("//div").count == depth)
    }

    @Test func knowsHTML5Elements() throws {
        let html = "<!DOCTYPE html><main><article><header><h1>T</h1></header><time datetime='2026-03-26T10:00:00-07:00'>x</time><figure><figcaption>c</figcaption></figure></article></main>"
        let document = try HTMLDocument(html: Data(html.utf8))
        #expect(try document.first("//article//time/@datetime")?.rawText == "2026-03-26T10:00:00-07:00")
        #expect(try document.text("//main/article/header/h1") == "T")
    }

    @Test func anInvalidXPathThrowsWithTheExpression() throws {
        let document = try HTMLDocument(html: Data("<p>x</p>".utf8))
        #expect(throws: HTMLKitError.invalidXPath("//p[")) { try document.select("//p[") }
        #expect(HTMLKitError.invalidXPath("//p[").description == "xpath \"//p[\" is invalid")
    }

    @Test func scriptsAndStylesAreNotText() throws {
        let html = "<div><script>var a = '<p>no</p>';</script><style>p{}</style><p>yes</p><br>after</div>"
        let document = try HTMLDocument(html: Data(html.utf8))
        #expect(try document.first("//div")?.blocks == ["yes", "after"])
    }

    @Test func nodesOutliveTheirDocumentVariable() throws {
        var node: Node?
        do {
            let document = try HTMLDocument(html: Data("<p class='k'>kept</p>".utf8))
            node = try document.first("//p")
        }
        #expect(node?.text == "kept")
        #expect(node?.attribute("class") == "k")
    }

    @Test func xmlFeedsNeverExpandEntitiesOrLoadExternalFiles() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [
          <!ENTITY secret SYSTEM "file:///etc/hostname">
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        ]>
        <rss><channel><title>T &secret; &lol2;</title><item><link>https://a.example/1</link></item></channel></rss>
        """
        let document = try HTMLDocument(xml: Data(xml.utf8))
        let title = try document.text("/rss/channel/title") ?? ""
        #expect(!title.contains("lol"))
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "\u{0}"
        #expect(!title.contains(hostname))
        #expect(try document.text("//item/link") == "https://a.example/1")
    }

    @Test func relativeXPathUsesTheNodeAsContext() throws {
        let html = "<ul><li><a href='/1'>one</a></li><li><a href='/2'>two</a></li></ul>"
        let document = try HTMLDocument(html: Data(html.utf8))
        let hrefs = try document.select("//li").compactMap { try $0.first(".//a/@href")?.rawText }
        #expect(hrefs == ["/1", "/2"])
    }
}

/// The walks that replace XPath on hot paths find what the XPath they replace finds.
@Suite struct DescendantWalkTests {
    let html = """
        <html><head><title>Chart</title></head><body>
        <svg><title>icon</title></svg>
        <table class="chart"><thead><tr><th>CPU</th></tr></thead>
          <tbody><tr><td class="name"><a href="/1">M5 Max</a></td><td class="score">4,012</td></tr>
                 <tr><td class="name">no link</td><td class="score">1</td></tr>
                 <tr><td><table><tbody><tr><td class="score">nested</td></tr></tbody></table></td></tr></tbody>
          <tbody><tr><td class="name"><a>M4</a></td></tr></tbody></table>
        </body></html>
        """

    @Test func walksAgreeWithXPath() throws {
        let document = try HTMLDocument(html: Data(html.utf8))
        let root = try #require(document.root)
        #expect(root.firstDescendant { $0.name == "title" }?.text == (try document.text("//title")))
        let table = try #require(try document.first("//table[@class='chart']"))
        // Outermost tbodies: the nested table's tbody is inside a match and is not returned.
        let bodies = table.outermostDescendants { $0.name == "tbody" }
        #expect(bodies.count == 2)
        #expect(bodies.flatMap { $0.children.filter { $0.name == "tr" } }.count == (try table.select("tbody/tr")).count)
        for row in try table.select("tbody/tr") {
            let walked = row.firstDescendant { $0.name == "td" && $0.attribute("class") == "score" }?.text
            #expect(walked == (try row.text(".//td[@class='score']")))
        }
        var visited = 0
        root.walkDescendants { _ in
            visited += 1
            return visited == 3 ? .stop : .descend
        }
        #expect(visited == 3)
    }
}

/// The byte-level whitespace collapse gives what collapsing scalar by scalar gives.
@Suite struct CollapseTests {
    /// The scalar-by-scalar definition the byte version replaced.
    func reference(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 128 ? " \n\t\r\u{0B}\u{0C}".unicodeScalars.contains(scalar) : (scalar == "\u{00A0}" || scalar.properties.isWhitespace)
            if isSpace {
                pendingSpace = true
            } else if scalar == "\u{200C}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" {
                continue
            } else {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    @Test func agreesWithTheScalarDefinition() {
        let pieces = [" ", "\n", "\t", "\u{00A0}", "\u{2009}", "\u{3000}", "\u{200B}", "\u{FEFF}", "a", "M5 Ultra", "é", "日本", "😀", "$1,999", "\u{0301}", "\r\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(TextWalker.collapse(text) == reference(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func malformedBytesBecomeReplacementCharacters() {
        #expect(TextWalker.collapse([0x61, 0xFF, 0x20, 0x20, 0xC3]) == "a\u{FFFD} \u{FFFD}")
        #expect(TextWalker.collapse([0xE0, 0x80, 0x80]) == "\u{FFFD}\u{FFFD}\u{FFFD}")  // overlong: three bytes, three replacements
    }
}

/// `/descendant::x[p]` selects what `//x[p]` selects when `p` is not positional (the form selectors use).
@Suite struct DescendantAxisTests {
    @Test(arguments: ["div[contains(@class,'a')]", "div[@id][not(span)]", "span[starts-with(.,'t')]", "*[@class='a b']"])
    func sameNodes(step: String) throws {
        let document = try HTMLDocument(html: Data("""
            <html><body><div class="a" id="1"><div class="a b"><span>two</span></div><p><div class="xa" id="3">three</div></p></div>
            <div id="4"><span>tail</span></div></body></html>
            """.utf8))
        func texts(_ xpath: String) throws -> [String] { try document.select(xpath).map(\.rawText) }
        #expect(try texts("//" + step) == (try texts("/descendant::" + step)))
        let root = try #require(document.root)
        #expect(try root.select(".//" + step).map(\.rawText) == (try root.select("./descendant::" + step).map(\.rawText)))
    }
}

/// `trimmed` is Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation.
@Suite struct TrimmedTests {
    @Test(arguments: ["", " ", "a", "  a b  ", "\n\t a\r\n", "\u{00A0}x\u{00A0}", "\u{2003}日本\u{3000}", "\u{0085}y\u{2028}", "e\u{0301} ",
                      " \r\n", "x\u{200B}", "\u{FEFF}z"])
    func agreesWithFoundation(text: String) {
        #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func agreesOnEveryScalarOfTheBasicPlane() {
        var differing: [String] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b" + String(scalar)
            if text.trimmed != text.trimmingCharacters(in: .whitespacesAndNewlines) { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "\(differing)")
    }
}
