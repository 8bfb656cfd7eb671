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

    /// The service whose challenge this page is, or nil for an ordinary page.
    public static func detect(_ body: Data) -> String? {
        // ASCII-lowercased bytes and a byte search: a String lowercased and searched through Foundation
        // was a twelfth of a reparse.
        let head = body.prefix(16_384).withUnsafeBytes { LowercasedText(asciiLowercasing: $0) }
        return markers.first { head.contains($0.marker) }?.service
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
