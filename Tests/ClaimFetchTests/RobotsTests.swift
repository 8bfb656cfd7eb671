import ClaimFetch
import Foundation
import Testing

/// robots.txt as RFC 9309 reads it: its own examples (§5.1, §5.2), wildcards, group selection and merging,
/// percent-encoding, the 500 KiB limit, and what an unavailable or unreachable file means.
@Suite struct RobotsTests {
    func policy(_ text: String, _ agent: String) -> RobotsPolicy { RobotsPolicy(parsing: Data(text.utf8), agent: agent) }
    func allows(_ policy: RobotsPolicy, _ path: String) -> Bool { policy.allows(URL(string: "https://example.com\(path)")!) }

    /// RFC 9309 §5.1, as the RFC writes it (its trailing "EOF" line included, which is no record).
    let simpleExample = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        EOF
        """

    @Test func theSimpleExampleGivesTheRFCsVerdicts() {
        let other = policy(simpleExample, "otherbot/1.0")
        #expect(!allows(other, "/image.gif") && !allows(other, "/a/b/image.gif"))
        #expect(allows(other, "/image.gif?size=large"))  // `$` anchors the end: a query follows
        #expect(!allows(other, "/example/x") && allows(other, "/publications/x") && allows(other, "/index.html"))
        // foobot reaches two paths only: the longer Allow beats `Disallow:/`.
        let foobot = policy(simpleExample, "FooBot/2.1 (+https://example.org/bot)")
        #expect(allows(foobot, "/example/page.html") && allows(foobot, "/example/allowed.gif"))
        #expect(!allows(foobot, "/") && !allows(foobot, "/publications/x") && !allows(foobot, "/example/other.html"))
        // barbot and bazbot share one group.
        for agent in ["barbot", "bazbot"] {
            let bot = policy(simpleExample, agent)
            #expect(!allows(bot, "/example/page.html") && allows(bot, "/example/") && allows(bot, "/image.gif"))
        }
        // quxbot's group is empty but is its own: everything is allowed, the `*` rules do not apply.
        let quxbot = policy(simpleExample, "quxbot")
        #expect(allows(quxbot, "/example/x") && allows(quxbot, "/image.gif"))
    }

    @Test func theLongestMatchDecides() {
        // RFC 9309 §5.2.
        let foobot = policy("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n", "foobot")
        #expect(!allows(foobot, "/example/page/disallowed.gif"))
        #expect(allows(foobot, "/example/page/other.gif"))
        // The length is the pattern's, wildcards included; Allow wins a tie.
        let tie = policy("User-agent: *\nAllow: /a\nDisallow: /a\nAllow: /b/*/c\nDisallow: /b/x/c\nDisallow: /b/xx/c\n", "x")
        #expect(allows(tie, "/a/page"))
        #expect(allows(tie, "/b/x/c"))       // equal length, Allow wins
        #expect(!allows(tie, "/b/xx/c"))     // the longer Disallow wins
    }

    @Test func wildcardsAndTheEndAnchor() {
        let rules = policy("User-agent: *\nDisallow: /fish*.php\nDisallow: /*.json$\nDisallow: /end$x\n", "x")
        #expect(!allows(rules, "/fish.php") && !allows(rules, "/fishheads/catfish.php?p=1"))
        #expect(allows(rules, "/Fish.PHP"))  // paths are case-sensitive
        #expect(!allows(rules, "/data/items.json") && allows(rules, "/data/items.json?page=2") && allows(rules, "/items.jsonl"))
        #expect(!allows(rules, "/end$x") && allows(rules, "/endx"))  // a `$` not at the end is a plain character
    }

    @Test func groupsForTheSameAgentAreMergedAndOurTokenIsMatchedWithoutItsVersion() {
        let text = """
            User-agent: *
            Disallow: /

            User-agent: ClaimTrack
            Disallow: /search

            Sitemap: https://example.com/sitemap.xml
            User-agent: googlebot
            Disallow: /nothing-for-us

            user-agent: claimtrack/0.1
            Disallow: /private
            Crawl-delay: 3
            """
        let ours = policy(text, "claimtrack/0.2.0 (+https://github.com/claimtrack/claimtrack; analyst tool)")
        #expect(!allows(ours, "/search?q=1") && !allows(ours, "/private/x"))
        #expect(allows(ours, "/nothing-for-us") && allows(ours, "/news"))
        #expect(ours.crawlDelay == 3)
        // Rules before any user-agent line belong to no group; a Sitemap line does not end a group.
        let loose = policy("Disallow: /x\nUser-agent: a\nSitemap: https://example.com/s.xml\nUser-agent: b\nDisallow: /y\n", "b")
        #expect(allows(loose, "/x") && !allows(loose, "/y"))
        #expect(!allows(policy("Disallow: /x\nUser-agent: a\nSitemap: https://example.com/s.xml\nUser-agent: b\nDisallow: /y\n", "a"), "/y"))
    }

    @Test func percentEncodingIsComparedNormalised() {
        let rules = policy("User-agent: *\nDisallow: /caf%c3%a9\nDisallow: /%7Euser/\nDisallow: /a%2fb\n", "x")
        #expect(!allows(rules, "/caf%C3%A9/menu"))   // hex case does not matter
        #expect(!allows(rules, "/~user/page"))        // an escaped unreserved character equals itself
        #expect(!allows(rules, "/a%2Fb"))             // a reserved one stays escaped
        #expect(allows(rules, "/a/b"))
        #expect(!policy("User-agent: *\nDisallow: /café\n", "x").allows(URL(string: "https://example.com/caf%C3%A9")!))
        #expect(allows(policy("User-agent: *\nDisallow: /\n", "x"), "/robots.txt"))  // always allowed
    }

    @Test func onlyTheFirst500KiBAreRead() {
        let padding = String(repeating: "# padding padding padding padding padding padding\n", count: RobotsPolicy.parseLimit / 50)
        let cut = policy("User-agent: *\nDisallow: /early\n" + padding + "Disallow: /late\n", "x")
        #expect(!allows(cut, "/early/page"))
        #expect(allows(cut, "/late/page"))
        // A line the limit cuts in two is dropped, not read as its first half ("Disallow: /" would ban all).
        let prefix = "User-agent: *\n" + String(repeating: "#", count: RobotsPolicy.parseLimit - 14 - 12) + "\n"
        let half = policy(prefix + "Disallow: /only-this-path\n", "x")
        #expect(allows(half, "/"))
    }

    @Test func whatTheAnswerMeans() {
        let agent = "claimtrack/0.2"
        #expect(RobotsPolicy.from(status: 404, body: Data(), agent: agent) == .allowAll)
        #expect(RobotsPolicy.from(status: 403, body: Data("User-agent: *\nDisallow: /\n".utf8), agent: agent) == .allowAll)
        let unreachable = RobotsPolicy.from(status: 503, body: Data(), agent: agent)
        #expect(!unreachable.allows(URL(string: "https://example.com/")!))
        #expect(unreachable.refusal == "robots.txt answered HTTP 503")
        let silent = RobotsPolicy.from(status: nil, body: Data(), agent: agent, failure: "connection refused")
        #expect(silent.refusal == "robots.txt is unreachable (connection refused)")
        #expect(!RobotsPolicy.from(status: 200, body: Data("User-agent: *\nDisallow: /x\n".utf8), agent: agent).allows(URL(string: "https://example.com/x")!))
        // Crawl-delay values that are not finite, non-negative numbers are no Crawl-delay.
        for value in ["inf", "1e400", "-3", "nan", "soon"] {
            #expect(policy("User-agent: *\nCrawl-delay: \(value)\n", "x").crawlDelay == nil, "\(value)")
        }
        #expect(policy("User-agent: *\nCrawl-delay: 1e12\n", "x").crawlDelay == 1e12)  // finite: the run bounds it
    }
}
