import Foundation

/// URL helpers every plugin needs.
public enum Links {
    /// `href` made absolute against the page URL; nil for empty, `javascript:` or non-HTTP links.
    public static func absolute(_ href: String?, base: URL) -> String? {
        guard let href = href?.trimmingCharacters(in: .whitespacesAndNewlines), !href.isEmpty,
              let url = URL(string: href, relativeTo: base)?.absoluteURL,
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" || scheme == "file"
        else { return nil }
        return url.absoluteString
    }

    /// The links in order with duplicates removed.
    public static func unique(_ links: [String]) -> [String] {
        var seen = Set<String>()
        return links.filter { seen.insert($0).inserted }
    }
}
