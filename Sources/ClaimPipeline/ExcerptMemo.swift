import ClaimCore
import Foundation

/// Excerpts already extracted in this process, by what decides their claims (the quoted text, the article's
/// URL and date, the source's prior): a feed captured every hour quotes the same items again and again, and
/// a reparse of a year of them would extract each item thousands of times. Bounded; shared by the workers.
final class ExcerptMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var extracted: [String: (claims: [Claim], unknowns: [StatedUnknown])] = [:]
    private let capacity: Int

    init(capacity: Int = 4_096) {
        self.capacity = capacity
    }

    /// The claims and unknowns of `excerpt`, whose quoted text has digest `digest`, extracted at most once.
    func extract(_ excerpt: Reading, digest: String, prior: Confidence.Label, with extractor: ClaimExtractor)
        -> (claims: [Claim], unknowns: [StatedUnknown]) {
        let key = [digest, excerpt.document.url, excerpt.document.published.map(Timestamp.format) ?? "", prior.rawValue].joined(separator: "\n")
        if let known = lock.withLock({ extracted[key] }) { return known }
        let result = extractor.extract(excerpt, prior: prior)
        lock.withLock {
            if extracted.count >= capacity { extracted.removeAll(keepingCapacity: true) }
            extracted[key] = result
        }
        return result
    }
}
