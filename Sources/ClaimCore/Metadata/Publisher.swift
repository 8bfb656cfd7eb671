import Foundation

extension Links {
    /// The site that publishes `url`, by its registrable domain: `macrumors.com` for
    /// https://forums.macrumors.com/…, `bbc.co.uk`, `someone.github.io`; the address itself for an IP host; nil
    /// for a URL without a host (a `file:` page). The domain is found by rule, not from the full public-suffix
    /// list: two labels, three under a country's generic second level (`co.uk`, `com.au`, `ne.jp`) or a
    /// shared host that gives each user a subdomain (`github.io`, `blogspot.com`).
    public static func publisher(_ url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[].")),
              !host.isEmpty else { return nil }
        if host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) { return host }  // an IP address
        let labels = host.split(separator: ".")
        guard labels.count > 2 else { return host }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        let countryGeneric = labels.last!.count == 2 && countrySecondLevels.contains(String(labels[labels.count - 2]))
        return labels.suffix(countryGeneric || sharedHosts.contains(lastTwo) ? 3 : 2).joined(separator: ".")
    }

    /// Whether two URLs are published by the same site (see `publisher`).
    public static func samePublisher(_ a: String, _ b: String) -> Bool {
        guard let first = publisher(a) else { return false }
        return first == publisher(b)
    }

    /// `url` safe to store and print: tabs and line breaks removed (as browsers do), other control
    /// characters, spaces, quotes and angle brackets percent-encoded, so no URL carries markup into a digest.
    public static func normalized(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for scalar in url.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: continue
            case 0x00...0x20, 0x7F, 0x22, 0x3C, 0x3E, 0x60:
                out += String(format: "%%%02X", scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let countrySecondLevels: Set<String> = ["ac", "co", "com", "edu", "go", "gob", "gov", "ltd", "mil", "ne", "net", "nic",
                                                           "nom", "or", "org", "plc", "sch"]
    private static let sharedHosts: Set<String> = ["appspot.com", "blogspot.com", "github.io", "gitlab.io", "herokuapp.com", "netlify.app",
                                                   "pages.dev", "substack.com", "tumblr.com", "vercel.app", "wordpress.com"]
}

extension Reading {
    /// The reading as far as a page may speak for itself. Its canonical URL (and each excerpt's) counts only
    /// on the publisher it was fetched from, or on any for a `file:` page the user listed; otherwise the
    /// fetched URL is the citation (an excerpt of another site's article is dropped) and a warning says why.
    /// Every URL is normalised.
    public func vouched(fetchedFrom fetched: URL) -> Reading {
        var reading = self
        let fetchedURL = fetched.absoluteString
        func own(_ url: String) -> Bool { fetched.isFileURL || Links.samePublisher(url, fetchedURL) }
        // A relative canonical link ("/2026/03/10/story/") names a page of the fetched URL's site.
        func absolute(_ url: String) -> String {
            URLComponents(string: url)?.scheme == nil ? (URL(string: url, relativeTo: fetched)?.absoluteString ?? url) : url
        }
        reading.document.url = Links.normalized(absolute(reading.document.url))
        reading.document.links = reading.document.links.map(Links.normalized)
        if reading.document.url != Links.normalized(fetchedURL) && !own(reading.document.url) {
            reading.diagnostics.append(Diagnostic(.warning, source: document.source, location: fetchedURL,
                                                  "canonical URL \(reading.document.url) is on another site than the page; cited as \(fetchedURL)"))
            reading.document.url = Links.normalized(fetchedURL)
        }
        reading.excerpts = excerpts.compactMap { excerpt in
            var excerpt = excerpt
            excerpt.document.url = Links.normalized(absolute(excerpt.document.url))
            guard own(excerpt.document.url) else {
                reading.diagnostics.append(Diagnostic(.warning, source: document.source, location: fetchedURL,
                                                      "an excerpt of \(excerpt.document.url), on another site than the feed, is not read"))
                return nil
            }
            return excerpt
        }
        return reading
    }
}
