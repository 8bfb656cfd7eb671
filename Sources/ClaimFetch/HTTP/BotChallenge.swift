import ClaimCore
import Foundation

/// Recognises the interstitial pages that bot protection serves instead of content, so they are reported
/// as such and never read as articles.
public enum BotChallenge {
    /// Markers in the first 16 KB of a page, and the service each belongs to.
    static let markers: [(marker: String, service: String)] = [
        ("cf-chl-", "Cloudflare"), ("challenge-platform", "Cloudflare"), ("<title>just a moment...</title>", "Cloudflare"),
        ("attention required! | cloudflare", "Cloudflare"), ("_incapsula_resource", "Imperva"), ("px-captcha", "PerimeterX"),
        ("datadome", "DataDome"), ("g-recaptcha", "reCAPTCHA"), ("h-captcha", "hCaptcha"),
        ("please verify you are a human", "a bot check"), ("checking your browser before accessing", "a bot check"),
    ]

    /// For each byte, a bit for each marker that begins with it.
    static let startingWith: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 256)
        for (index, marker) in markers.enumerated() { table[Int(marker.marker.utf8.first!)] |= 1 << index }
        return table
    }()

    /// The service whose challenge this page is, or nil for an ordinary page.
    public static func detect(_ body: Data) -> String? {
        // One pass over the ASCII-lowercased bytes, comparing a marker only where a byte begins one: eleven
        // searches of the page (and a String lowercased and searched through Foundation before them) were a
        // twentieth of a reparse.
        let head = body.prefix(16_384).withUnsafeBytes { LowercasedText(asciiLowercasing: $0) }
        let patterns = markers.map { Array($0.marker.utf8) }
        var found: UInt16 = 0
        head.bytes.withUnsafeBufferPointer { bytes in
            for start in bytes.indices {
                var candidates = startingWith[Int(bytes[start])] & ~found
                while candidates != 0 {
                    let index = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let pattern = patterns[index]
                    if start + pattern.count <= bytes.count, bytes[start + 1] == pattern[1],
                       bytes[start..<(start + pattern.count)].elementsEqual(pattern) { found |= 1 << index }
                }
            }
        }
        return found == 0 ? nil : markers[found.trailingZeroBitCount].service
    }
}

/// Which responses a plugin may read: HTML, XML feeds, JSON and plain text. Images, PDFs and archives are
/// archived like everything else, and reported, but never parsed.
public enum ReadableContent {
    public static func accepts(_ contentType: String?) -> Bool {
        guard let type = contentType?.lowercased().split(separator: ";").first?.trimmingCharacters(in: .whitespaces), !type.isEmpty else { return true }
        return type.hasPrefix("text/") || type.contains("html") || type.contains("xml") || type.contains("json")
    }
}
