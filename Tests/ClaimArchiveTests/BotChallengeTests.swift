@testable import ClaimArchive
import Foundation
import Testing

/// Bot-challenge pages, recognised by their markers.
@Suite struct BotChallengeTests {
    @Test func aChallengeIsNamedAndAnArticleAboutOneIsNot() {
        #expect(BotChallenge.detect(Data("<html><head><title>Just a moment...</title>".utf8)) == "Cloudflare")
        #expect(BotChallenge.detect(Data("<html><body>An article about captchas.</body></html>".utf8)) == nil)
    }

    @Test func everyChallengeMarkerIsFoundInTheFirst16KBInAnyCase() {
        let filler = String(repeating: "<div class=\"c\">a checked page, data-x, h1 g1</div>", count: 400)
        for (marker, service) in BotChallenge.markers {
            for written in [marker, marker.uppercased()] {
                #expect(BotChallenge.detect(Data((written + filler).utf8)) == service, "\(written) first")
                #expect(BotChallenge.detect(Data((String(filler.prefix(16_384 - written.utf8.count)) + written).utf8)) == service, "\(written) ending at 16 KB")
                #expect(BotChallenge.detect(Data((String(filler.prefix(16_384 - written.utf8.count + 1)) + written).utf8)) == nil, "\(written) past 16 KB")
                #expect(BotChallenge.detect(Data(written.dropLast().utf8)) == nil, "\(written) cut short")
            }
        }
        // When a page has several, the first in the list names the service, as before.
        #expect(BotChallenge.detect(Data("g-recaptcha then cf-chl-".utf8)) == "Cloudflare")
        #expect(BotChallenge.detect(Data(filler.utf8)) == nil)
    }
}
