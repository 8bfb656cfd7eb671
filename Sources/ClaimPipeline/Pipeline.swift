import ClaimArchive
import ClaimCore
import ClaimFetch
import ClaimStore
import Foundation
import PluginRegistry

/// The workspace's writer: fetch → archive → read → extract → store, and the same from the archive alone.
/// Extraction only ever reads bytes that are already in the archive.
public struct Pipeline {
    public let workspace: Workspace
    public let store: Store
    let extractor: ClaimExtractor
    /// Excerpts extracted in this process, so a feed's repeated items are extracted once.
    let excerptMemo = ExcerptMemo()
    /// Pages read and extracted at the same time (the store is still written by one thread, in order).
    public var workers = ProcessInfo.processInfo.activeProcessorCount
    /// Hears how many archived pages have been read so far, as they are stored (for a progress line).
    public var onPagesRead: (@Sendable (Int) -> Void)?

    /// What one source contributed to a run.
    public struct SourceSummary: Codable, Sendable, Equatable {
        public var source: String
        public var pages: Int
        public var claims: Int
        public var failures: Int
    }

    /// What a fetch, an offline rebuild or a reparse did.
    public struct Outcome: Codable, Sendable {
        public var run: String?
        public var sources: [SourceSummary]
        public var pages: Int
        /// Pages seen for the first time, pages whose bytes changed since their last capture, and pages the
        /// same as before (a 304, or identical bytes).
        public var new: Int = 0
        public var changed: Int = 0
        public var unchanged: Int
        public var claims: Int
        public var failures: [Run.Failure]
        public var diagnostics: [Diagnostic]
        /// Sources not fetched because their `every=` interval has not passed.
        public var skipped: [String] = []

        static let empty = Outcome(run: nil, sources: [], pages: 0, unchanged: 0, claims: 0, failures: [], diagnostics: [], archiveProblems: [])
        /// Torn or corrupt archive tails that were skipped.
        public var archiveProblems: [String]
    }

    public init(workspace: Workspace) throws {
        try self.init(workspace: workspace, store: try Store(try workspace.storeLocation()))
    }

    /// A pipeline writing into `store` rather than the workspace's own (a rebuild writes a new store beside it).
    public init(workspace: Workspace, store: Store) throws {
        _ = AllocatorTuning.applied
        self.workspace = workspace
        self.store = store
        self.extractor = ClaimExtractor(vocabulary: try workspace.vocabulary())
    }

    /// Sets aside the torn tail a killed run left in the archive, so every file ends with a complete record.
    /// Runs under the workspace lock, before anything is written or read. Only the newest run file can be
    /// torn (every run repairs before it writes its own), so only it is walked: a run's start costs the
    /// same however large the archive grows. `verify` walks them all.
    public func repairArchive() throws -> [String] {
        try workspace.runFiles().suffix(1).compactMap { try ArchiveCheck.setAsideTornTail($0) }
    }

    /// Fetches the given sources into a new run, then stores what the archive now holds. The caller owns
    /// `client` and shuts it down.
    public func fetch(_ entries: [SourceEntry], client: PageClient, now: @escaping @Sendable () -> Date = { Date() },
                      onProgress: @escaping @Sendable (String, Int, Int, Int) -> Void = { _, _, _, _ in },
                      onFailure: @escaping @Sendable (Run.Failure) -> Void = { _ in }) async throws -> Outcome {
        // Sources fetched more recently than their every= interval wait for a later run.
        var due: [SourceEntry] = []
        var skipped: [String] = []
        for entry in entries {
            if let every = entry.every, let last = try store.lastCapture(targetURI: entry.url.absoluteString),
               now().timeIntervalSince(last.retrieved) < every {
                skipped.append("\(entry.location): \(entry.plugin) \(entry.url.absoluteString) fetched \(Int(now().timeIntervalSince(last.retrieved) / 60)) min ago (every=\(entry.options["every"]!))")
            } else {
                due.append(entry)
            }
        }
        let entries = due
        let store = self.store, extractor = self.extractor, memo = self.excerptMemo
        // A start page is read for its links as soon as it is archived; what that reading gives the store
        // is kept for the ingest below, which would otherwise read the page a second time.
        let readAhead = ReadAhead()
        let run = try FetchRun(archive: workspace.archive, client: client, now: now, previous: { url in
            guard let last = try? store.lastCapture(targetURI: url.absoluteString), last.etag != nil || last.lastModified != nil else { return nil }
            return PreviousCapture(recordID: last.recordID, date: last.retrieved, etag: last.etag, lastModified: last.lastModified,
                                   warcFile: last.warcFile, offset: last.offset, links: last.followedLinks)
        }, onFailure: onFailure, onProgress: onProgress, discover: { capture, plugin in
            let result = Result { try ReaderPool.read(ReadJob(capture, plugin: plugin), extractor: extractor, memo: memo) }
            readAhead.keep(result, for: capture.recordID)
            return try result.get().links
        }) { PluginRegistry.plugin(id: $0) }
        await run.fetch(entries)
        let record = try await run.finish(sources: entries.map(\.plugin).removingDuplicates())
        let captures = await run.captures
        try store.save(run: record)
        // Read back from the archive one record at a time: the run kept no page bodies.
        let file = workspace.archive.appendingPathComponent(record.warcFile)
        let size = Self.size(of: file)
        var (outcome, _, problems) = try ingest(file: file, readAhead: readAhead)
        outcome.archiveProblems = problems.map(\.description)
        if problems.isEmpty, let size { try store.markStored(runFile: record.warcFile, bytes: size) }
        outcome.run = record.id
        outcome.failures = record.failures
        outcome.sources = summarize(entries.map(\.plugin), captures: captures, claimsByRecord: outcome, failures: record.failures)
        outcome.skipped = skipped
        return outcome
    }

    /// Brings the store level with the archive: every run and capture not yet stored is read and stored.
    /// Sends nothing over the network. On an empty store this rebuilds everything. A run file the store has
    /// read whole at its present size is not walked again; one with damaged records is, so they are
    /// reported each time.
    public func catchUp() throws -> Outcome {
        var total = Outcome.empty
        for file in workspace.runFiles() {
            let size = Self.size(of: file)
            if let size, try store.storedSize(ofRunFile: file.lastPathComponent) == size { continue }
            let (outcome, run, problems) = try ingest(file: file)
            total.archiveProblems += problems.map(\.description)
            if problems.isEmpty, let size { try store.markStored(runFile: file.lastPathComponent, bytes: size) }
            if let run {
                try store.save(run: run)
                total.run = run.id
                total.failures += run.failures
            }
            total.pages += outcome.pages
            total.unchanged += outcome.unchanged
            total.new += outcome.new
            total.changed += outcome.changed
            total.claims += outcome.claims
            total.diagnostics += outcome.diagnostics
        }
        return total
    }

    /// A file's size in bytes; nil when it cannot be read.
    private static func size(of file: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int
    }

    /// Stores the captures of one run file that the store does not have yet, streaming the file; pages
    /// `readAhead` already read are not read again.
    func ingest(file: URL, readAhead: ReadAhead? = nil) throws -> (outcome: Outcome, run: Run?, problems: [ArchiveError]) {
        var scanned: (run: Run?, problems: [ArchiveError]) = (nil, [])
        let outcome = try ingest(readAhead: readAhead) { each in
            // Captures already stored are skipped, asked about a few at a time.
            var batch: [Capture] = []
            func handOver() throws {
                let stored = try store.storedRecordIDs(among: batch.map(\.recordID))
                for capture in batch where !stored.contains(capture.recordID) { try each(capture) }
                batch.removeAll(keepingCapacity: true)
            }
            // The run's row first: its captures refer to it.
            scanned = try ArchiveScanner.scan(file, onRun: { try store.save(run: $0) }) { capture in
                batch.append(capture)
                if batch.count == 16 { try handOver() }
            }
            try handOver()
        }
        return (outcome, scanned.run, scanned.problems)
    }

    /// Reads and stores the captures `produce` hands over one at a time; a page that cannot be read is a
    /// diagnostic, never the end of the run. Pages are read and extracted `workers` at a time, in windows,
    /// and stored in archive order (see `Ingestion`).
    func ingest(readAhead: ReadAhead? = nil, _ produce: ((Capture) throws -> Void) throws -> Void) throws -> Outcome {
        var ingestion = Ingestion(store: store, pool: ReaderPool(workers: workers, extractor: extractor, memo: excerptMemo),
                                  readAhead: readAhead, onPagesRead: onPagesRead)
        defer { ingestion.abandon() }
        try produce { try ingestion.add($0) }
        return try ingestion.finish()
    }

    private func summarize(_ sources: [String], captures: [Capture], claimsByRecord outcome: Outcome,
                           failures: [Run.Failure]) -> [SourceSummary] {
        sources.removingDuplicates().map { source in
            let mine = outcome.sources.filter { $0.source == source }
            return SourceSummary(source: source, pages: captures.filter { $0.source == source && $0.disposition != .redirect }.count,
                                 claims: mine.reduce(0) { $0 + $1.claims },
                                 failures: failures.filter { $0.source == source }.count)
        }
    }
}

extension CaptureRow {
    /// The row for an archived capture and what was read off it, with the server's status. `disposition`
    /// overrides the capture's own when reading decided otherwise (a page its plugin could not read), and
    /// `payloadDigest` when it is another capture's (the one a 304 confirms).
    init(_ capture: Capture, document: Document, disposition: CaptureDisposition? = nil, payloadDigest: String? = nil,
         diagnostics: [Diagnostic] = [], links: [URL]? = nil) {
        self.init(recordID: capture.recordID, run: capture.run, source: capture.source, warcFile: capture.warcFile,
                  offset: capture.offset, targetURI: capture.targetURI, document: document, retrieved: capture.retrieved,
                  status: capture.status, payloadDigest: payloadDigest ?? capture.payloadDigest, diagnostics: diagnostics,
                  etag: capture.etag, lastModified: capture.lastModified, refersTo: capture.refersTo, links: links,
                  disposition: (disposition ?? capture.disposition).rawValue)
    }

    /// The row for an article quoted by the feed or listing `capture`: the article's page, the feed's record.
    init(excerptOf capture: Capture, document: Document, digest: String) {
        self.init(recordID: "\(capture.recordID)#\(document.url)", run: capture.run, source: capture.source, warcFile: capture.warcFile,
                  offset: capture.offset, targetURI: capture.targetURI, document: document, retrieved: capture.retrieved,
                  status: capture.status, payloadDigest: digest, diagnostics: [], quotedIn: capture.recordID)
    }
}
