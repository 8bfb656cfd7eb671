import Foundation
import HTMLKit
import Testing

/// Documents written by strangers: none may crash, hang or blow up memory.
@Suite struct HostileInputTests {
    @Test func aHundredThousandLevelsOfNesting() throws {
        let depth = 100_000
        let html = String(repeating: "<div>", count: depth) + "<p>deep</p>" + String(repeating: "</div>", count: depth)
        let document = try HTMLDocument(html: Data(html.utf8))
        // Whatever libxml2 keeps of it, reading the text walks it without recursion and finishes.
        #expect(document.root?.text.isEmpty == false)
    }

    @Test func nulBytesAndBinaryAreReadAsAPageOfNothing() throws {
        var bytes = Data(count: 200_000)
        for index in stride(from: 0, to: bytes.count, by: 7) { bytes[index] = UInt8(index % 256) }
        // Either a typed error or a document whose text carries no NUL bytes; never a crash.
        let text = (try? HTMLDocument(html: bytes))?.root?.text ?? ""
        #expect(!text.contains("\u{0}"))
        let zeros = (try? HTMLDocument(html: Data(count: 1024)))?.root?.text ?? ""
        #expect(!zeros.contains("\u{0}"))
    }

    @Test func billionLaughsIsNeverExpanded() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        xml += "]>\n<rss><channel><title>&lol9;</title></channel></rss>"
        let start = Date()
        let document = try HTMLDocument(xml: Data(xml.utf8))
        let title = try document.text("/rss/channel/title") ?? ""
        #expect(title.count < 100)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func anExternalEntityPointingAtAURLIsNotFetched() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY remote SYSTEM "http://127.0.0.1:9/should-not-be-fetched">]>
        <rss><channel><title>A &remote; B</title></channel></rss>
        """
        let document = try HTMLDocument(xml: Data(xml.utf8))
        #expect(try document.text("/rss/channel/title") == "A B")
    }

    @Test func aLyingCharsetDoesNotCrash() throws {
        // Declared UTF-16 over bytes that are plainly UTF-8.
        let html = "<html><head><meta charset=\"utf-16\"></head><body><p>plain</p></body></html>"
        _ = try? HTMLDocument(html: Data(html.utf8))
        let document = try HTMLDocument(html: Data(html.utf8), charset: "utf-8")
        #expect(try document.text("//p") == "plain")
    }

    /// A 50 MB page parses whole (the last paragraph is found) with libxml2's huge-document limits lifted;
    /// the fetcher's size limit is what bounds it in a run (see the command-line test).
    @Test func aFiftyMegabytePageParsesWhole() throws {
        let paragraph = "<p>Filler prose about nothing in particular, repeated to make a very large page.</p>\n"
        let count = (50 << 20) / paragraph.utf8.count
        let html = "<html><body><article>" + String(repeating: paragraph, count: count) + "<p id=\"last\">The end.</p></article></body></html>"
        let document = try HTMLDocument(html: Data(html.utf8))
        #expect(try document.text("//p[@id='last']") == "The end.")
    }
}

/// Where a page's element budget ends.
@Suite struct ElementBudgetTests {
    @Test func theCutIsAtTheFirstElementPastTheBudget() {
        let page = Data("<html><body><p>a < b, 1<2</p><div><span>x</span></div></body></html>".utf8)
        // Elements: html, body, p, div, span (a "<" before a space or digit is text).
        #expect(ElementBudget.cut(page, limit: 5) == nil)
        let cut = ElementBudget.cut(page, limit: 3)
        #expect(cut.map { String(decoding: page.prefix($0), as: UTF8.self) } == "<html><body><p>a < b, 1<2</p>")
        #expect(ElementBudget.cut(Data(), limit: 0) == nil)
        #expect(ElementBudget.cut(Data("<A><b>".utf8), limit: 1) == 3)
    }
}
