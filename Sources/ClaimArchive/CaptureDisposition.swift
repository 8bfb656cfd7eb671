import Foundation

/// What an archived capture is, decided once from what the server sent and written into its WARC record
/// (`Claimtrack-Disposition`), so a reparse reads the decision instead of taking it again: the page itself,
/// or why it is not read. The store keeps it beside the status, which stays as the server sent it.
public enum CaptureDisposition: String, Codable, Sendable, CaseIterable {
    /// A 2xx page of a readable type, whole: read by its plugin.
    case page
    /// A 304: the capture it confirms keeps its claims.
    case notModified = "not-modified"
    /// Any other 3xx: one hop of a redirect, archived because it crossed the wire.
    case redirect
    /// Only the start of an over-sized body was archived.
    case truncated
    /// A body still carrying a Content-Encoding nobody asked for, or a type that is no page (an image).
    case notAPage = "not-a-page"
    /// A bot-protection interstitial served instead of the page (the service in the record's detail).
    case challenge
    /// The server answered with an error (a 404 or 410 says the page is gone).
    case failed
    /// Its plugin could not read it at all, or this build has no such plugin: decided when it is read.
    case unreadable

    /// The WARC header that records the decision (a WARC extension field).
    public static let header = "Claimtrack-Disposition"

    /// The decision for a response, in this order: a 304; another 3xx; a body cut short; a coding left on it; a bot
    /// challenge (often served with a 403 or 503); an error status; a type that is no page; else the page.
    /// `detail` names the challenge service.
    public static func of(status: Int, contentType: String?, contentCoding: String?, truncated: Bool, body: Data)
        -> (disposition: CaptureDisposition, detail: String?) {
        if status == 304 { return (.notModified, nil) }
        if (300..<400).contains(status) { return (.redirect, nil) }
        if truncated { return (.truncated, nil) }
        if contentCoding != nil { return (.notAPage, nil) }
        if let service = BotChallenge.detect(body) { return (.challenge, service) }
        if !(200..<300).contains(status) { return (.failed, nil) }
        if !ReadableContent.accepts(contentType) { return (.notAPage, nil) }
        return (.page, nil)
    }

    /// The header's value: `challenge; Cloudflare`, `page`.
    public static func headerValue(_ disposition: CaptureDisposition, detail: String?) -> String {
        detail.map { "\(disposition.rawValue); \($0)" } ?? disposition.rawValue
    }

    /// The inverse of `headerValue`; nil for a value this build does not know.
    public static func parse(_ value: String) -> (disposition: CaptureDisposition, detail: String?)? {
        let parts = value.split(separator: ";", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, let disposition = CaptureDisposition(rawValue: first) else { return nil }
        return (disposition, parts.count > 1 ? parts[1] : nil)
    }
}
