import ClaimCore
import Foundation
import Testing

/// Which site publishes a URL, and URLs made safe to store and print.
@Suite struct PublisherTests {
    @Test func theRegistrableDomainByRule() {
        let cases: [(String, String?)] = [
            ("https://www.macrumors.com/2026/03/10/a/", "macrumors.com"), ("https://forums.macrumors.com/threads/1", "macrumors.com"),
            ("http://macrumors.com", "macrumors.com"), ("https://news.bbc.co.uk/x", "bbc.co.uk"), ("https://www.abc.net.au/news", "abc.net.au"),
            ("https://someone.github.io/post", "someone.github.io"), ("https://a.b.blogspot.com/", "b.blogspot.com"),
            ("http://127.0.0.1:8080/a.html", "127.0.0.1"), ("http://[::1]:8080/", "::1"), ("file:///home/me/page.html", nil),
            ("https://WWW.9TO5MAC.COM/", "9to5mac.com"), ("https://example.de.", "example.de"),
        ]
        for (url, expected) in cases {
            #expect(Links.publisher(url) == expected, "\(url)")
        }
        #expect(Links.samePublisher("https://www.tomshardware.com/a", "https://forums.tomshardware.com/b"))
        #expect(!Links.samePublisher("http://127.0.0.1/a", "https://www.macrumors.com/a"))
        #expect(!Links.samePublisher("file:///a", "file:///b"))
    }

    @Test func aURLIsStoredWithoutLineBreaksOrMarkup() {
        #expect(Links.normalized("https://x.example/a\n\n<img src=x>\t\"q\" `b`") == "https://x.example/a%3Cimg%20src=x%3E%22q%22%20%60b%60")
        #expect(Links.normalized("https://www.macrumors.com/2026/03/10/a/?x=1&y=%20") == "https://www.macrumors.com/2026/03/10/a/?x=1&y=%20")
        #expect(Links.normalized("https://x.example/caf\u{E9}") == "https://x.example/caf\u{E9}")
    }
}
