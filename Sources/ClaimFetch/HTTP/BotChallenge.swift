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
        let head = String(decoding: body.prefix(16_384), as: UTF8.self).lowercased()
        return markers.first { head.contains($0.marker) }?.service
    }
}
