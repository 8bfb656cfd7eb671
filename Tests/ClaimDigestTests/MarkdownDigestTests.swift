import ClaimCore
import ClaimDigest
import ClaimResolver
import Foundation
import Testing

@Suite struct MarkdownDigestTests {
    func input(quote: String, title: String) -> DigestInput {
        let claim = Claim(subject: "Mac Studio", attribute: "price", value: Value(type: .money, text: "$2,000", number: 2000, currency: "USD"),
                          confidence: Confidence(score: 0.9, label: .official, reasons: []), quote: quote,
                          statedAt: Timestamp.iso8601("2026-03-20T15:15:00Z"),
                          citation: Citation(url: "https://www.macrumors.com/2026/03/20/x/", publisher: "MacRumors", title: title,
                                             author: "A", published: Timestamp.iso8601("2026-03-20T15:15:00Z"),
                                             retrieved: Timestamp.iso8601("2026-03-30T14:00:00Z"),
                                             warcRecordID: "<urn:uuid:1234>", payloadDigest: "sha1:ABC"))
        return DigestInput(workspace: "w", run: "2026-03-30T14:00:00Z", questions: [], claims: [claim])
    }

    @Test func everyClaimIsFootnotedWithItsFullCitation() throws {
        let text = try DigestFormat.markdown.render(input(quote: "Apple now charges $2,000.", title: "Price"))
        #expect(text.contains("Mac Studio · price: **$2,000** — official [^1]"))
        #expect(text.contains("[^1]: MacRumors, \u{201C}Price\u{201D}, by A, <https://www.macrumors.com/2026/03/20/x/>, published 2026-03-20T15:15:00Z, retrieved 2026-03-30T14:00:00Z, archive record `<urn:uuid:1234>`, payload `sha1:ABC`."))
    }

    @Test func pageTextCannotBecomeLiveMarkdownOrHTML() throws {
        let hostile = "<script>alert(1)</script> [click](javascript:alert(1)) [^1] ![x](http://e/x.png) *bold*"
        let text = try DigestFormat.markdown.render(input(quote: hostile, title: hostile))
        #expect(!text.contains("<script>"))
        #expect(text.firstMatch(of: /[^\\]\]\(javascript:/) == nil)  // only an escaped \] before it: no link forms
        #expect(!text.contains("[click]"))
        #expect(text.components(separatedBy: "[^1]:").count == 2)  // only our own footnote definition
        #expect(text.contains("\\[^1\\]"))  // [ and ] escaped: no footnote forms, so ^ stays as written
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let a = try DigestFormat.markdown.render(input(quote: "q", title: "t"))
        let b = try DigestFormat.markdown.render(input(quote: "q", title: "t"))
        #expect(a == b)
    }
}

@Suite struct HTMLDigestTests {
    func hostileInput() -> DigestInput {
        let hostile = "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) \"quoted\" & more"
        let claim = Claim(subject: "Mac Studio", attribute: "price", value: Value(type: .money, text: "$2,000", number: 2000, currency: "USD"),
                          confidence: Confidence(score: 0.9, label: .official, reasons: []), quote: hostile,
                          statedAt: Timestamp.iso8601("2026-03-20T15:15:00Z"),
                          citation: Citation(url: "javascript:alert(4)", publisher: hostile, title: hostile, warcRecordID: "<urn:uuid:1>"))
        let question = QuestionState(id: "q\"><script>", text: hostile, status: .evidence, subjects: ["Mac Studio"], attribute: "price",
                                     qualifier: nil, answer: hostile, confidence: claim.confidence, independentSources: 1, spread: nil,
                                     claims: [claim], contradictions: [])
        return DigestInput(workspace: "w<b>", run: "r", questions: [question], claims: [claim])
    }

    @Test func pageTextIsInertInHTML() throws {
        let html = try DigestFormat.html.render(hostileInput())
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<code>javascript:alert(4)</code>"))
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test func theTimelineDrawsEveryClaim() throws {
        let html = try DigestFormat.html.render(hostileInput())
        #expect(html.contains("<svg class=\"timeline\""))
        #expect(html.contains("<rect x="))  // official: a square mark
        #expect(html.contains("href=\"#ref-1\""))
        // One claim spans a month at most, too little for two month labels: the axis names its first and last days.
        #expect(html.contains(">2026-03-05</text>") && html.contains(">2026-04-04</text>"), "\(html)")
    }

    @Test func markdownLinksOnlyHTTP() throws {
        let markdown = try DigestFormat.markdown.render(hostileInput())
        #expect(!markdown.contains("<javascript:"))
        #expect(markdown.contains("`javascript:alert(4)`"))
    }
}
