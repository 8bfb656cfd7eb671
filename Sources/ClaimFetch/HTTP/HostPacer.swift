import Foundation

/// One request at a time per host, spaced by a delay with jitter (like Scrapy's DOWNLOAD_DELAY with
/// RANDOMIZE_DOWNLOAD_DELAY: 0.5–1.5 times the delay), and robots.txt read once per host per run.
public actor HostPacer {
    private var nextAllowed: [String: Date] = [:]
    private var robots: [String: RobotsPolicy] = [:]

    public init() {}

    /// Waits until `host` may be asked again, then books the following slot `delay` seconds on.
    public func wait(for host: String, delay: Double) async {
        let now = Date()
        let start = max(now, nextAllowed[host] ?? now)
        let jittered = delay * Double.random(in: 0.5...1.5)
        nextAllowed[host] = start.addingTimeInterval(jittered)
        let pause = start.timeIntervalSince(now)
        if pause > 0 { try? await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000)) }
    }

    /// The robots policy of `url`'s site, fetched on first use with `load`.
    public func robots(for url: URL, load: @Sendable (URL) async -> RobotsPolicy) async -> RobotsPolicy {
        guard let scheme = url.scheme, let host = url.host else { return .allowAll }
        let key = "\(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
        if let known = robots[key] { return known }
        let policy = await load(URL(string: key + "/robots.txt")!)
        robots[key] = policy
        return policy
    }
}
