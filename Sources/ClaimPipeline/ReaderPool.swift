import ClaimArchive
import ClaimCore
import Foundation

/// Reads pages with their plugins and extracts their claims, `workers` at a time: a window of jobs is
/// started at once and its results come back in job order. Holds no page once read.
struct ReaderPool: Sendable {
    let workers: Int
    let extractor: ClaimExtractor
    /// Excerpts extracted in this process, so a feed's repeated items are extracted once.
    let memo: ExcerptMemo

    /// Plugin read and core extraction of one page: what the store keeps of it.
    static func read(_ job: ReadJob, extractor: ClaimExtractor, memo: ExcerptMemo) throws -> PageRead {
        let bounded = job.capture.page.withinElementBudget(source: job.capture.source)
        var reading = try job.plugin.read(bounded.page).vouched(fetchedFrom: job.capture.page.url)
        if let warning = bounded.warning { reading.diagnostics.append(warning) }
        let extracted = extractor.extract(reading, prior: job.prior)
        // One excerpt per article: an article a feed lists twice is quoted once (its row's id names the URL).
        var quotedURLs = Set<String>()
        let excerpts = reading.excerpts.filter { quotedURLs.insert($0.document.url).inserted }.map { excerpt in
            let text = ([excerpt.document.title ?? ""] + excerpt.passages.map(\.text)).joined(separator: "\n")
            let digest = WARCDigest.sha1(Data(text.utf8))
            let quoted = memo.extract(excerpt, digest: digest, prior: job.prior, with: extractor)
            return PageRead.Excerpt(document: excerpt.document, claims: quoted.claims, unknowns: quoted.unknowns, digest: digest, text: text)
        }
        return PageRead(document: reading.document, diagnostics: reading.diagnostics, claims: extracted.claims,
                        unknowns: extracted.unknowns, links: job.plugin.links(in: reading), excerpts: excerpts,
                        text: ([reading.document.title ?? ""] + reading.passages.map(\.text)).joined(separator: "\n"))
    }

    /// Plugin read and core extraction of each job, `workers` at a time, started at once: with one worker
    /// done before it returns (one thread, one core), with more on worker threads while the caller goes on.
    /// A page `readAhead` holds is taken from it instead.
    func start(_ jobs: [ReadJob], readAhead: ReadAhead?) -> PendingRead {
        let extractor = self.extractor, memo = self.memo, workers = min(self.workers, jobs.count)
        @Sendable func run(_ job: ReadJob) -> ReadResult {
            readAhead?.take(job.capture.recordID) ?? Result { try Self.read(job, extractor: extractor, memo: memo) }
        }
        let results = ResultSlots(count: jobs.count)
        let group = DispatchGroup()
        guard workers > 1 else {
            for (index, job) in jobs.enumerated() { results.set(index, run(job)) }
            return PendingRead(slots: results, group: group)
        }
        // Each worker takes the next unread page, so a heavy page delays only the worker reading it.
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while let index = results.claimNext() {
                    results.set(index, run(jobs[index]))
                }
            }
        }
        return PendingRead(slots: results, group: group)
    }
}

/// A page to read with its plugin.
struct ReadJob: Sendable {
    var capture: Capture
    var plugin: any SourcePlugin
    /// The source's confidence prior: a Sources.list `prior=` overrides the plugin's.
    var prior: Confidence.Label

    init(_ capture: Capture, plugin: any SourcePlugin) {
        self.capture = capture
        self.plugin = plugin
        prior = capture.page.options["prior"].flatMap(Confidence.Label.init(rawValue:)) ?? type(of: plugin).descriptor.prior
    }
}

/// A window being read: its results, in job order, once every worker is done.
struct PendingRead {
    let slots: ResultSlots
    let group: DispatchGroup
    func results() -> [ReadResult] {
        group.wait()
        return slots.values
    }
}

/// One slot per job, each taken and written by exactly one worker.
final class ResultSlots: @unchecked Sendable {
    private var slots: [ReadResult?]
    private var next = 0
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    /// The next job no worker has taken, or nil when all are taken.
    func claimNext() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }
    func set(_ index: Int, _ result: ReadResult) { lock.withLock { slots[index] = result } }
    var values: [ReadResult] { lock.withLock { slots.map { $0! } } }
}
