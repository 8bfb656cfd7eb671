import Foundation

/// A site's robots.txt, as it applies to our User-Agent: which paths may be fetched and how long to wait
/// between requests.
public struct RobotsPolicy: Sendable, Equatable {
    /// (allow?, path prefix) rules of the group that applies to us.
    var rules: [(allow: Bool, prefix: String)]
    /// `Crawl-delay`, in seconds.
    public var crawlDelay: Double?

    public static func == (lhs: RobotsPolicy, rhs: RobotsPolicy) -> Bool {
        lhs.crawlDelay == rhs.crawlDelay && lhs.rules.map { "\($0.allow)\($0.prefix)" } == rhs.rules.map { "\($0.allow)\($0.prefix)" }
    }

    /// Everything allowed (no robots.txt, or an unreadable one).
    public static let allowAll = RobotsPolicy(rules: [], crawlDelay: nil)

    /// Parses robots.txt for `agent` (our product token): the group naming it, else the `*` group.
    public init(parsing text: String, agent: String) {
        var groups: [(agents: [String], rules: [(Bool, String)], delay: Double?)] = []
        var lastWasAgent = false
        for raw in text.components(separatedBy: .newlines) {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let key = parts[0].lowercased(), value = parts[1]
            switch key {
            case "user-agent":
                if !lastWasAgent || groups.isEmpty { groups.append(([], [], nil)) }
                groups[groups.count - 1].agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                guard !groups.isEmpty, !(key == "disallow" && value.isEmpty) else { continue }
                groups[groups.count - 1].rules.append((key == "allow", value))
            case "crawl-delay":
                lastWasAgent = false
                if !groups.isEmpty { groups[groups.count - 1].delay = Double(value) }
            default:
                lastWasAgent = false
            }
        }
        let token = agent.lowercased()
        let group = groups.first { $0.agents.contains { $0 != "*" && token.contains($0) } } ?? groups.first { $0.agents.contains("*") }
        rules = group?.rules.map { (allow: $0.0, prefix: $0.1) } ?? []
        crawlDelay = group?.delay
    }

    init(rules: [(allow: Bool, prefix: String)], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// The longest matching rule decides; a tie goes to Allow; no match allows.
    public func allows(_ url: URL) -> Bool {
        let path = url.path.isEmpty ? "/" : url.path + (url.query.map { "?" + $0 } ?? "")
        let matches = rules.filter { path.hasPrefix($0.prefix) }
        guard let longest = matches.map(\.prefix.count).max() else { return true }
        return matches.filter { $0.prefix.count == longest }.contains { $0.allow }
    }
}
