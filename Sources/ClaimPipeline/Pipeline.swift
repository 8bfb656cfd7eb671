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
        /// Sources not fetched because another fetcher sharing the store was fetching them.
        public var leftToOthers: [String] = []

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
        leaseHolder = Self.holder(host: ProcessInfo.processInfo.hostName, pid: getpid(), token: UUID().uuidString.prefix(8).lowercased())
    }

    /// Who this pipeline is, in the leases it takes: the machine, the process and a token of its own.
    public let leaseHolder: String

    /// A lease holder's name: `HOST pid PID TOKEN`.
    static func holder(host: String, pid: pid_t, token: String) -> String { "\(host) pid \(pid) \(token)" }

    /// The process of a holder named by `holder(host:pid:token:)` on this machine; nil for another machine's.
    static func localProcess(of holder: String) -> pid_t? {
        let parts = holder.split(separator: " ")
        guard parts.count == 4, parts[0] == ProcessInfo.processInfo.hostName, parts[1] == "pid" else { return nil }
        return pid_t(parts[2])
    }

    /// How long a lease lasts unless renewed: a fetcher that dies frees its sources after this.
    static let leaseLength: TimeInterval = 120
    /// How often a running fetch renews its leases.
    static let leaseRenewal: Duration = .seconds(30)

    /// The lease of a source (its Sources.list URL) and of a run file being written.
    static func lease(source entry: SourceEntry) -> String { "source \(entry.plugin) \(entry.url.absoluteString)" }
    static func lease(runFile name: String) -> String { "run file \(name)" }

    /// Frees the leases of fetchers on this machine whose process is gone (killed, or crashed): they need not
    /// wait for the leases to lapse. Fetchers on other machines are only known dead by their leases lapsing.
    func releaseLeasesOfDeadFetchers() throws {
        for holder in Set(try store.leasesHeld(byOthersThan: leaseHolder).values) {
            guard let pid = Self.localProcess(of: holder) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try store.releaseLeases(holder: holder) }
        }
    }

    /// The run files another fetcher sharing the store is writing or storing now: left alone.
    func runFilesBusyElsewhere() throws -> Set<String> {
        try releaseLeasesOfDeadFetchers()
        let prefix = Self.lease(runFile: "")
        return Set(try store.leasesHeld(byOthersThan: leaseHolder).keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
    }

    /// Sets aside the torn tail a killed run left in the archive, so every file ends with a complete record.
    /// Runs under the workspace lock, before anything is written or read. Only the newest run file can be
    /// torn (every run repairs before it writes its own), so only it is walked: a run's start costs the
    /// same however large the archive grows. `verify` walks them all.
    public func repairArchive() throws -> [String] {
        // A run file another fetcher is writing into a shared archive ends mid-record until it finishes.
        let busy = try runFilesBusyElsewhere()
        return try workspace.runFiles().filter { !busy.contains($0.lastPathComponent) }.suffix(1).compactMap { try ArchiveCheck.setAsideTornTail($0) }
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
        // Each source is leased just before its turn: one another fetcher sharing the store has is left to it,
        // so two fetchers started together share the sources out. A lease is kept until the run is stored
        // (renewed meanwhile, lapsing if this process dies), so no source is fetched twice in one round.
        let holder = leaseHolder
        let leftToOthers = LeftToOthers()
        let renewal = Task { [store] in
            while (try? await Task.sleep(for: Self.leaseRenewal)) != nil {
                try? store.renewLeases(holder: holder, expires: Date().addingTimeInterval(Self.leaseLength))
            }
        }
        defer {
            renewal.cancel()
            try? store.releaseLeases(holder: holder)
        }
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
        }, reserve: { id, file in
            // The run's id and file are its own in the store, and no other fetcher touches the file until it is stored.
            try store.reserveRun(id: id, started: Timestamp.iso8601(id) ?? Date(), warcFile: file)
                && !store.takeLeases([Self.lease(runFile: file)], holder: holder, expires: Date().addingTimeInterval(Self.leaseLength)).isEmpty
        }) { PluginRegistry.plugin(id: $0) }
        await run.fetch(entries) { entry in
            let name = Self.lease(source: entry)
            if (try? store.takeLeases([name], holder: holder, expires: Date().addingTimeInterval(Self.leaseLength)))?.contains(name) == true {
                return true
            }
            let other = (try? store.leasesHeld(byOthersThan: holder))?[name] ?? "another fetcher"
            leftToOthers.add("\(entry.location): \(entry.plugin) \(entry.url.absoluteString) is being fetched by \(other)", for: entry)
            return false
        }
        let taken = entries.filter { !leftToOthers.has(entry: $0) }
        let record = try await run.finish(sources: taken.map(\.plugin).removingDuplicates())
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
        outcome.sources = summarize(taken.map(\.plugin), captures: captures, claimsByRecord: outcome, failures: record.failures)
        outcome.skipped = skipped
        outcome.leftToOthers = leftToOthers.notes
        return outcome
    }

    /// Brings the store level with the archive: every run and capture not yet stored is read and stored.
    /// Sends nothing over the network. On an empty store this rebuilds everything. A run file the store has
    /// read whole at its present size is not walked again; one with damaged records is, so they are
    /// reported each time.
    public func catchUp() throws -> Outcome {
        var total = Outcome.empty
        let busy = try runFilesBusyElsewhere()
        for file in workspace.runFiles() where !busy.contains(file.lastPathComponent) {
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

/// The sources a run left to other fetchers, noted from the fetch's tasks.
final class LeftToOthers: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: String] = [:]

    func add(_ note: String, for entry: SourceEntry) {
        lock.withLock { entries[Pipeline.lease(source: entry)] = note }
    }

    func has(entry: SourceEntry) -> Bool { lock.withLock { entries[Pipeline.lease(source: entry)] != nil } }

    var notes: [String] { lock.withLock { entries.values.sorted() } }
}
