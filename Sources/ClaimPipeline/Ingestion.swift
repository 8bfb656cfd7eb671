import ClaimArchive
import ClaimCore
import ClaimStore
import Foundation
import PluginRegistry

/// One pass that stores captures in archive order. Each capture becomes a slot of the current window: a
/// row to store as it is (a capture that is no page) or a page to read. A full window is read by the reader
/// pool while the next one is scanned; read windows become store entries, handed to the writer in batches.
/// Nothing is held beyond the current window and batch.
struct Ingestion {
    private let store: Store
    private let pool: ReaderPool
    private let readAhead: ReadAhead?
    private let writer: StoreWriter
    /// A window of pages read together: long enough that one slow page (a 1,500-row chart) does not leave
    /// the other workers idle, bounded in bytes so memory stays flat whatever the pages weigh.
    private let windowSize: Int, windowBytes = 32 << 20
    /// Rows per write: one transaction per page would cost more than reading the page.
    private let batchSize = 250

    private(set) var outcome = Pipeline.Outcome.empty
    private var window: [Slot] = []
    private var bytesInWindow = 0
    /// The window being read while the next is scanned (the scan is the one part done by a single thread,
    /// and waiting on it left the workers idle).
    private var inFlight: (window: [Slot], reading: PendingRead)?
    private var pending: [Store.Entry] = []

    /// A window position: a row ready to store, or a page still to read.
    private enum Slot {
        case ready(Store.Entry)
        case read(ReadJob)
    }

    private let onPagesRead: (@Sendable (Int) -> Void)?

    init(store: Store, pool: ReaderPool, readAhead: ReadAhead?, onPagesRead: (@Sendable (Int) -> Void)? = nil) {
        self.onPagesRead = onPagesRead
        self.store = store
        self.pool = pool
        self.readAhead = readAhead
        windowSize = max(1, pool.workers) * 32
        // With more than one worker the store is written on its own thread while the next pages are read.
        writer = StoreWriter(store: store, inBackground: pool.workers > 1)
    }

    /// Takes the next capture in archive order.
    mutating func add(_ capture: Capture) throws {
        if window.count >= windowSize || bytesInWindow >= windowBytes {
            try drain()
        }
        let slot = try slot(for: capture)
        if case .read(let job) = slot { bytesInWindow += job.capture.page.body.count }
        window.append(slot)
    }

    /// Reads and stores what is left; the outcome of the whole pass.
    mutating func finish() throws -> Pipeline.Outcome {
        try drain()
        if let last = inFlight {
            inFlight = nil
            try keep(last.window, last.reading.results())
        }
        try writer.submit(pending)
        pending.removeAll()
        try writer.finish()
        return outcome
    }

    /// Waits for the workers and the writer, so a thrown error never leaves either running behind it.
    func abandon() {
        _ = inFlight?.reading.results()
        try? writer.finish()
    }

    /// What a capture becomes, decided by its disposition (only a page is read): every archived capture gets
    /// a row, read or not.
    private mutating func slot(for capture: Capture) throws -> Slot {
        func unread(_ disposition: CaptureDisposition, url: String? = nil, payloadDigest: String? = nil) -> Slot {
            .ready(Store.Entry(capture: CaptureRow(capture, document: Document(url: url ?? capture.targetURI, source: capture.source, kind: .unknown),
                                                   disposition: disposition, payloadDigest: payloadDigest)))
        }
        switch capture.disposition {
        case .notModified:
            // The confirmed capture keeps its claims; this row only records that it was asked.
            let confirmed = try capture.refersTo.flatMap { try store.capture(recordID: $0) }
            outcome.unchanged += 1
            outcome.sources.append(Pipeline.SourceSummary(source: capture.source, pages: 1, claims: 0, failures: 0))
            return unread(.notModified, url: confirmed?.url, payloadDigest: confirmed?.payloadDigest)
        case .challenge:
            // Kept (the archive holds it) but never read, and never the page's latest capture.
            outcome.diagnostics.append(Diagnostic(.warning, source: capture.source, location: capture.targetURI,
                                                  "bot challenge (\(capture.dispositionDetail ?? "?")); not read as a page"))
            return unread(.challenge)
        case .redirect, .truncated, .notAPage, .failed, .unreadable:
            // Kept without claims, so a later diff can say the page is gone (a 404).
            return unread(capture.disposition)
        case .page:
            guard let plugin = PluginRegistry.plugin(id: capture.source) else {
                outcome.diagnostics.append(Diagnostic(.error, source: capture.source, location: capture.targetURI,
                                                      "archived by a plugin this build does not have; known: \(PluginRegistry.ids.joined(separator: ", "))"))
                return unread(.unreadable)
            }
            // A page the fetch already read needs no bytes here: the window holds only what is still to read.
            return .read(ReadJob(readAhead?.holds(capture.recordID) == true ? capture.withoutBody : capture, plugin: plugin))
        }
    }

    /// Counts the window's pages as new, changed or unchanged, starts reading it, and stores the window
    /// read before it.
    private mutating func drain() throws {
        let jobs = window.compactMap { slot -> ReadJob? in if case .read(let job) = slot { return job } else { return nil } }
        let previous = try store.lastPayloadDigests(targetURIs: jobs.map(\.capture.targetURI))
        for job in jobs {
            switch previous[job.capture.targetURI] {
            case .none: outcome.new += 1
            case .some(let digest) where digest == job.capture.payloadDigest: outcome.unchanged += 1
            case .some: outcome.changed += 1
            }
        }
        let reading = pool.start(jobs, readAhead: readAhead)
        if let earlier = inFlight { try keep(earlier.window, earlier.reading.results()) }
        inFlight = (window, reading)
        window.removeAll(keepingCapacity: true)
        bytesInWindow = 0
    }

    /// Turns a read window into store entries, in archive order, and hands them to the writer.
    private mutating func keep(_ window: [Slot], _ results: [ReadResult]) throws {
        var holders = try holdersOfQuotedPages(results)
        var next = results.makeIterator()
        for slot in window {
            switch slot {
            case .ready(let entry):
                pending.append(entry)
            case .read(let job):
                keep(job.capture, next.next()!, holders: &holders)
            }
            if pending.count >= batchSize {
                try writer.submit(pending)
                pending.removeAll(keepingCapacity: true)
            }
        }
    }

    /// What holds each page the window's feeds and listings quote: an excerpt is stored only when its
    /// article has no capture of its own and its live excerpt quotes other text (a feed fetched every hour
    /// repeats the same items). Read from the store, so everything kept before this window is written first.
    private mutating func holdersOfQuotedPages(_ results: [ReadResult]) throws -> [String: Store.PageHolder] {
        let quoted = results.flatMap { (try? $0.get())?.excerpts.map { Links.pageKey($0.document.url) } ?? [] }
        guard !quoted.isEmpty else { return [:] }
        try writer.submit(pending)
        pending.removeAll(keepingCapacity: true)
        try writer.finish()
        return try store.holders(pageKeys: quoted)
    }

    /// The entries for one page read: its own row, then a row for each quoted article not already held.
    private mutating func keep(_ capture: Capture, _ result: ReadResult, holders: inout [String: Store.PageHolder]) {
        switch result {
        case .failure(let error):
            pending.append(Store.Entry(capture: CaptureRow(capture, document: Document(url: capture.targetURI, source: capture.source, kind: .unknown),
                                                           disposition: .unreadable)))
            outcome.diagnostics.append(Diagnostic(.error, source: capture.source, location: capture.targetURI, "unreadable page: \(error)"))
        case .success(let read):
            pending.append(Store.Entry(capture: CaptureRow(capture, document: read.document, diagnostics: read.diagnostics, links: read.links),
                                       claims: read.claims, unknowns: read.unknowns, text: read.text))
            holders[Links.pageKey(read.document.url)] = .ownCapture
            var claims = read.claims.count
            for excerpt in read.excerpts {
                let key = Links.pageKey(excerpt.document.url)
                switch holders[key] {
                case .ownCapture?: continue
                case .excerpt(let digest)? where digest == excerpt.digest: continue
                default: holders[key] = .excerpt(digest: excerpt.digest)
                }
                pending.append(Store.Entry(capture: CaptureRow(excerptOf: capture, document: excerpt.document, digest: excerpt.digest),
                                           claims: excerpt.claims, unknowns: excerpt.unknowns, text: excerpt.text))
                claims += excerpt.claims.count
            }
            outcome.pages += 1
            outcome.claims += claims
            onPagesRead?(outcome.pages)
            outcome.diagnostics += read.diagnostics
            outcome.sources.append(Pipeline.SourceSummary(source: capture.source, pages: 1, claims: claims, failures: 0))
        }
    }
}
