import Foundation
import HTMLKit

/// URL helpers every plugin needs.
public enum Links {
    /// `href` made absolute against the page URL; nil for an empty link and for any scheme but http, https and
    /// file (`javascript:`, `mailto:`, `data:`); file: because the sample archive is fetched from files.
    public static func absolute(_ href: String?, base: URL) -> String? {
        guard let href = href?.trimmed, !href.isEmpty,
              let url = URL(string: href, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" || scheme == "file"
        else { return nil }
        return url.absoluteString
    }

    /// What makes two URLs the same page across the years, for telling captures of one article apart
    /// from different articles: the scheme (http or https), a leading `www.`, the host's case, a default
    /// port, a trailing slash, the fragment and tracking parameters (`utm_*`, `fbclid`, `gclid`) do not
    /// count. Other query parameters do (`item?id=…`). A URL that does not parse is its own key.
    public static func pageKey(_ url: String) -> String {
        guard var parts = URLComponents(string: url), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              var host = parts.host?.lowercased() else { return url }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = parts.percentEncodedPath
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty { path = "/" }
        let port = parts.port.map { $0 == 80 || $0 == 443 ? "" : ":\($0)" } ?? ""
        parts.queryItems = parts.queryItems?.filter { item in
            let name = item.name.lowercased()
            return !(name.hasPrefix("utm_") || name == "fbclid" || name == "gclid")
        }
        let query = parts.percentEncodedQuery.flatMap { $0.isEmpty ? nil : "?" + $0 } ?? ""
        return "//" + host + port + path + query
    }
}
