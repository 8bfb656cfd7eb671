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

    /// The markers as bytes, and for each byte a bit for each marker that begins with it.
    static let patterns = markers.map { Array($0.marker.utf8) }
    static let startingWith: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 256)
        for (index, pattern) in patterns.enumerated() { table[Int(pattern[0])] |= 1 << index }
        return table
    }()

    /// The service whose challenge this page is, or nil for an ordinary page.
    public static func detect(_ body: Data) -> String? {
        // One pass over the bytes, folding A–Z as it goes and comparing a marker only where a byte begins
        // one: eleven searches of a lower-cased copy (and, before them, a String lower-cased and searched
        // through Foundation) were a twentieth of a reparse.
        func folded(_ byte: UInt8) -> UInt8 { byte &- 65 < 26 ? byte | 0x20 : byte }
        let patterns = Self.patterns, startingWith = Self.startingWith
        var found: UInt16 = 0
        body.prefix(16_384).withUnsafeBytes { bytes in
            for start in bytes.indices {
                var candidates = startingWith[Int(folded(bytes[start]))] & ~found
                while candidates != 0 {
                    let index = candidates.trailingZeroBitCount
                    candidates &= candidates - 1
                    let pattern = patterns[index]
                    guard start + pattern.count <= bytes.count else { continue }
                    var offset = 1
                    while offset < pattern.count, folded(bytes[start + offset]) == pattern[offset] { offset += 1 }
                    if offset == pattern.count { found |= 1 << index }
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
