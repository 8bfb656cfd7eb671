import Foundation

/// A site's robots.txt as RFC 9309 reads it, for our product token: which paths may be fetched, and the
/// (non-standard) Crawl-delay. A robots.txt that could not be had is read as the RFC says: unavailable (4xx)
/// allows everything, unreachable (5xx, no answer) disallows everything for this run.
public struct RobotsPolicy: Sendable, Equatable {
    /// An `allow` or `disallow` line: its path pattern with percent-encoding normalised (RFC 9309 §2.2.2).
    struct Rule: Sendable, Equatable {
        var allow: Bool
        var pattern: [UInt8]
    }

    /// The rules of the groups that apply to us; nil when nothing on the host may be fetched this run.
    private var rules: [Rule]?
    /// Why nothing may be fetched (the robots.txt could not be had).
    public private(set) var refusal: String?
    /// `Crawl-delay`, in seconds, when the file names a finite, non-negative one.
    public var crawlDelay: Double?

    /// Everything allowed (no robots.txt, an empty one, or one that is unavailable).
    public static let allowAll = RobotsPolicy(rules: [], refusal: nil, crawlDelay: nil)

    /// Nothing allowed, for the reason given (RFC 9309 §2.3.1.4: an unreachable robots.txt).
    public static func disallowAll(because reason: String) -> RobotsPolicy {
        RobotsPolicy(rules: nil, refusal: reason, crawlDelay: nil)
    }

    /// RFC 9309 §2.5: at least 500 KiB is parsed; what lies beyond is not read.
    public static let parseLimit = 500 * 1024

    private init(rules: [Rule]?, refusal: String?, crawlDelay: Double?) {
        self.rules = rules
        self.refusal = refusal
        self.crawlDelay = crawlDelay
    }

    /// Parses robots.txt for the product token of `agent` (a whole User-Agent is fine: "claimtrack/0.2 (+…)"
    /// matches groups for "claimtrack"). Groups naming the token are merged; without one, the `*` groups are.
    /// Only the first `parseLimit` bytes are read, and a line cut there is dropped.
    public init(parsing data: Data, agent: String) {
        var bytes = data.prefix(Self.parseLimit)
        if data.count > Self.parseLimit, let lastBreak = bytes.lastIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
            bytes = bytes[..<lastBreak]
        }
        let token = Self.productToken(agent)
        var groups: [(agents: [String], rules: [Rule], delay: Double?)] = []
        var readingAgents = false
        for line in String(decoding: bytes, as: UTF8.self).split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = content.firstIndex(of: ":") else { continue }
            let key = content[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent", "useragent", "user agent":
                if !readingAgents { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(Self.productToken(value))
                readingAgents = true
            case "allow", "disallow", "dissallow", "disalow":
                readingAgents = false
                // Rules before any user-agent line belong to no group; an empty path is no rule (§2.2.2).
                guard !groups.isEmpty, !value.isEmpty else { continue }
                groups[groups.count - 1].rules.append(Rule(allow: key == "allow", pattern: Self.normalised(Array(value.utf8))))
            case "crawl-delay":
                guard !groups.isEmpty, let delay = Double(value), delay.isFinite, delay >= 0 else { continue }
                groups[groups.count - 1].delay = delay
            default:
                // Sitemap and other records neither start nor end a group (§2.2.4).
                continue
            }
        }
        var chosen = groups.filter { $0.agents.contains(token) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        rules = chosen.flatMap(\.rules)
        refusal = nil
        crawlDelay = chosen.compactMap(\.delay).max()
    }

    /// The product token of a User-Agent value, lower-cased: its leading letters, digits, `_` and `-`
    /// ("claimtrack/0.2 (+…)" → "claimtrack"); `*` stays `*`.
    static func productToken(_ agent: String) -> String {
        let trimmed = agent.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("*") { return "*" }
        return String(trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }).lowercased()
    }

    /// Whether `url` may be fetched: the matching rule with the longest pattern decides, Allow wins a tie,
    /// no match allows; /robots.txt itself is always allowed (§2.2.2).
    public func allows(_ url: URL) -> Bool {
        guard let rules else { return false }
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        let path = components.map { ($0.percentEncodedPath.isEmpty ? "/" : $0.percentEncodedPath) + ($0.percentEncodedQuery.map { "?" + $0 } ?? "") } ?? "/"
        if path == "/robots.txt" { return true }
        let target = Self.normalised(Array(path.utf8))
        var best: (length: Int, allow: Bool)?
        for rule in rules where Self.matches(target, rule.pattern) {
            if best == nil || rule.pattern.count > best!.length || (rule.pattern.count == best!.length && rule.allow) {
                best = (rule.pattern.count, rule.allow)
            }
        }
        return best?.allow ?? true
    }

    /// RFC 9309 §2.2.3: `*` matches any run of octets, a final `$` anchors the end; otherwise a prefix match.
    static func matches(_ path: [UInt8], _ pattern: [UInt8]) -> Bool {
        // Every position in `path` the pattern read so far can end at, smallest first.
        var positions = [0]
        for (index, byte) in pattern.enumerated() {
            if byte == UInt8(ascii: "$") && index == pattern.count - 1 { return positions.contains(path.count) }
            if byte == UInt8(ascii: "*") {
                positions = Array(positions[0]...path.count)
                continue
            }
            positions = positions.compactMap { $0 < path.count && path[$0] == byte ? $0 + 1 : nil }
            if positions.isEmpty { return false }
        }
        return true
    }

    /// Percent-encoding made comparable (RFC 9309 §2.2.2): an escaped unreserved character is unescaped,
    /// other escapes get upper-case hex, and octets outside US-ASCII are escaped.
    static func normalised(_ bytes: [UInt8]) -> [UInt8] {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        let digits = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                let decoded = high << 4 | low
                let unreserved = (decoded >= 0x41 && decoded <= 0x5A) || (decoded >= 0x61 && decoded <= 0x7A) || (decoded >= 0x30 && decoded <= 0x39)
                    || [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~")].contains(decoded)
                result += unreserved ? [decoded] : [UInt8(ascii: "%"), digits[Int(high)], digits[Int(low)]]
                index += 3
            } else if byte >= 0x80 {
                result += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
                index += 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    /// RFC 9309 §2.3.1: what the answer to a robots.txt request means for the host this run.
    /// `status` is nil when no answer came (`failure` says why).
    public static func from(status: Int?, body: Data, agent: String, failure: String? = nil) -> RobotsPolicy {
        guard let status else {
            return .disallowAll(because: "robots.txt is unreachable (\(failure ?? "no answer"))")
        }
        switch status {
        case 200..<300: return RobotsPolicy(parsing: body, agent: agent)
        case 500..<600: return .disallowAll(because: "robots.txt answered HTTP \(status)")
        default: return .allowAll  // 4xx (and redirects left unfollowed): unavailable, so no restriction
        }
    }
}
