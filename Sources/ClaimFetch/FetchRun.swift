import ClaimArchive
import ClaimCore
import Foundation

/// One `claimtrack fetch`: fetches every source and the links its plugin discovers, archiving every
/// exchange before anything reads it. A failing source is recorded and the others carry on. An actor, so
/// sources on different hosts are fetched at the same time while the archive is written one record at a
/// time; what costs CPU (digests, gzip, reading a page for its links) runs outside it, on every core.
public actor FetchRun {
    public nonisolated let id: String
    public nonisolated let started: Date
    /// The run's WARC file.
    public nonisolated let file: URL
    private let writer: WARCWriter
    private let client: PageClient
    private let plugin: @Sendable (String) -> (any SourcePlugin)?
    private let now: @Sendable () -> Date
    /// Per-host spacing and robots.txt, shared by every source of the run.
    private let pacer = HostPacer()
    /// Which hosts are internal, asked once per host per run.
    private nonisolated let hosts = HostClassifier()
    /// Seconds between requests to one host when the source sets none (loopback hosts: none at all).
    public nonisolated let defaultDelay: Double = 1
    /// Longest Retry-After honoured; a server asking for more is reported, not waited for.
    public nonisolated let maximumRetryWait: Double = 60
    /// The first backoff step, doubled on each retry.
    public nonisolated let retryBase: Double = 1
    /// The last capture of a URL, for conditional requests; nil when there is none.
    private let previous: @Sendable (URL) -> PreviousCapture?
    private let archiveFolder: URL
    /// What this run archived, in order, without the page bodies (the archive holds those; the store
    /// reads them back one at a time), so a run's memory does not grow with its pages.
    public private(set) var captures: [Capture] = []
    public private(set) var failures: [Run.Failure] = []
    /// Called with every failure as it happens, so the user sees it at once.
    private let onFailure: @Sendable (Run.Failure) -> Void
    /// Called after every exchange: the source being fetched, pages so far, bytes so far, failures so far.
    private let onProgress: @Sendable (_ source: String, _ pages: Int, _ bytes: Int, _ failures: Int) -> Void
    /// Reads an archived start page for the links to follow (by default its plugin's `discover`).
    private let discover: @Sendable (Capture, any SourcePlugin) throws -> [URL]
    private var bytes = 0

    /// Starts a run: creates `Archive/<id>.warc.gz` and writes its warcinfo record. `previous` gives a URL's
    /// last capture (for conditional requests); `onFailure` and `onProgress` hear of each failure and exchange;
    /// `discover` reads an archived start page for its links (a caller that reads pages anyway can keep what
    /// it read); `reserve` is asked whether a run id and its file name are free, and keeps them if so.
    public init(archive: URL, client: PageClient, now: @escaping @Sendable () -> Date = { Date() },
                previous: @escaping @Sendable (URL) -> PreviousCapture? = { _ in nil },
                onFailure: @escaping @Sendable (Run.Failure) -> Void = { _ in },
                onProgress: @escaping @Sendable (String, Int, Int, Int) -> Void = { _, _, _, _ in },
                discover: @escaping @Sendable (Capture, any SourcePlugin) throws -> [URL] = { try $1.discover($0.page) },
                reserve: (_ id: String, _ file: String) throws -> Bool = { _, _ in true },
                plugin: @escaping @Sendable (String) -> (any SourcePlugin)?) throws {
        self.discover = discover
        self.previous = previous
        self.onFailure = onFailure
        self.onProgress = onProgress
        var started = now()
        // A run is named by the second it starts. Two runs started within one second (or under a pinned
        // clock) would share a name, a WARC file and a row of the runs table: the later takes the next free
        // second instead.
        // Fetchers sharing a store (and its archive folder) also ask `reserve` for the name, which the store
        // grants once.
        while try FileManager.default.fileExists(atPath: archive.appendingPathComponent(Self.fileName(id: Timestamp.format(started))).path)
                || !reserve(Timestamp.format(started), Self.fileName(id: Timestamp.format(started))) {
            started = started.addingTimeInterval(1)
        }
        self.started = started
        self.archiveFolder = archive
        self.now = now
        self.id = Timestamp.format(started)
        self.client = client
        self.plugin = plugin
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        let name = Self.fileName(id: id)
        writer = try WARCWriter(file: archive.appendingPathComponent(name))
        file = writer.file
        let info = "software: claimtrack/\(ClaimtrackVersion.current)\r\nformat: WARC File Format 1.1\r\nrun: \(id)\r\nstarted: \(id)\r\n"
        try writer.write([WARCWriter.header(type: "warcinfo", date: started, contentType: "application/warc-fields",
                                            block: Data(info.utf8), extra: [("WARC-Filename", name)])])
    }

    /// The WARC file of run `id`: `claimtrack-20260306T140000Z.warc.gz`.
    static func fileName(id: String) -> String {
        "claimtrack-" + id.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + ".warc.gz"
    }

    /// Fetches several sources, those on different hosts at the same time, those on one host in turn. Each
    /// is first offered to `take`, just before its turn: one it declines (another fetcher has it) is left.
    public func fetch(_ entries: [SourceEntry], take: @escaping @Sendable (SourceEntry) -> Bool = { _ in true }) async {
        let byHost = Dictionary(grouping: entries) { $0.url.host ?? $0.url.scheme ?? "" }
        await withTaskGroup(of: Void.self) { group in
            for host in byHost.keys.sorted() {
                let queue = byHost[host]!
                group.addTask { for entry in queue where take(entry) { await self.fetch(entry) } }
            }
        }
    }

    /// Fetches one source: its start URL, then up to `maxLinks` of the links its plugin discovers there (or,
    /// when the start page answered 304, the links kept from its last reading).
    public nonisolated func fetch(_ entry: SourceEntry) async {
        guard let plugin = plugin(entry.plugin) else {
            await fail(entry.plugin, entry.url.absoluteString, "no plugin with this id")
            return
        }
        guard let start = await capture(entry.url, entry: entry) else { return }
        let links: [URL]
        do {
            links = try start.links ?? discover(start, plugin)
        } catch {
            await fail(entry.plugin, entry.url.absoluteString, "unreadable page: \(error)")
            return
        }
        for link in links.prefix(entry.maxLinks) {
            // What a page says is not trusted: it may not lead the run to local files or internal hosts.
            if let refusal = hosts.refusal(of: link, from: entry) {
                await fail(entry.plugin, link.absoluteString, "link not followed: \(refusal)")
                continue
            }
            _ = await capture(link, entry: entry)
        }
    }

    /// Whether the run may ask `url` now: robots.txt (read once per host) allows it and its Crawl-delay is one
    /// a run can wait for; then waits for the host's turn. The reason when it may not.
    private nonisolated func admit(_ url: URL, entry: SourceEntry) async -> String? {
        guard !url.isFileURL, let host = url.host else { return nil }
        let client = self.client
        let robots = await pacer.robots(for: url) { robotsURL in
            // RFC 9309: up to five redirects, the first 500 KiB; 4xx allows all, 5xx or no answer allows nothing.
            do {
                let exchange = try await client.fetch(robotsURL, maximumBodySize: RobotsPolicy.parseLimit, redirectLimit: 5)
                return RobotsPolicy.from(status: exchange.response.status, body: exchange.response.body, agent: client.userAgent)
            } catch let error as FetchError {
                if case .transport(_, let reason) = error {
                    return RobotsPolicy.from(status: nil, body: Data(), agent: client.userAgent, failure: reason.description)
                }
                return .allowAll  // a redirect refused or past five hops: unavailable (§2.3.1.2)
            } catch {
                return RobotsPolicy.from(status: nil, body: Data(), agent: client.userAgent, failure: "\(error)")
            }
        }
        if let refusal = robots.refusal {
            return "\(refusal), so nothing on \(host)\(url.port.map { ":\($0)" } ?? "") is fetched this run"
        }
        guard robots.allows(url) else { return "disallowed by robots.txt" }
        if let crawlDelay = robots.crawlDelay, crawlDelay > Self.maximumCrawlDelay {
            return "robots.txt asks for a Crawl-delay of \(Self.seconds(crawlDelay)) s between requests (more than \(Int(Self.maximumCrawlDelay)) s is not waited for)"
        }
        let delay = max(entry.delay ?? (AddressPolicy.isLoopback(host) ? 0 : defaultDelay), robots.crawlDelay ?? 0)
        await pacer.wait(for: host, delay: delay)
        return nil
    }

    /// Fetches and archives one URL politely: robots.txt, one request at a time per host with a delay,
    /// retries with backoff on 429, 5xx and dropped connections (honouring Retry-After), a conditional
    /// request when the page was captured before. Nil (and a recorded failure) when it could not be had.
    private nonisolated func capture(_ url: URL, entry: SourceEntry) async -> Capture? {
        let source = entry.plugin, options = entry.options
        // A page its source's start page led to: plugins read it as a page of its own, not as the listing.
        let followedFrom = url == entry.url ? nil : entry.url
        if let refusal = await admit(url, entry: entry) {
            await fail(source, url.absoluteString, "skipped: \(refusal)")
            return nil
        }
        let last = url.isFileURL ? nil : previous(url)
        var attempt = 0
        while true {
            let exchange: PageClient.Exchange
            do {
                exchange = try await client.fetch(url, etag: last?.etag, lastModified: last?.lastModified,
                                                  maximumBodySize: entry.maximumBodySize, redirects: redirects(from: url, entry: entry))
            } catch {
                if (error as? FetchError)?.isTransient == true && attempt < entry.retries {
                    attempt += 1
                    await pause(backoff(attempt))
                    continue
                }
                await fail(source, url.absoluteString, "\(error)\(attempt > 0 ? " (after \(attempt) retr\(attempt == 1 ? "y" : "ies"))" : "")")
                return nil
            }
            // To the second, as WARC-Date keeps it: a page read now reads as it will from the archive.
            let retrieved = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
            if exchange.response.status == 304, let last {
                do {
                    return try await revisit(exchange, last: last, source: source, retrieved: retrieved, options: options, followedFrom: followedFrom,
                                             isStart: url == entry.url)
                } catch {
                    await fail(source, url.absoluteString, "not archived: \(error)")
                    return nil
                }
            }
            let capture: Capture
            do {
                capture = try await archive(exchange, source: source, retrieved: retrieved, options: options, followedFrom: followedFrom)
            } catch {
                await fail(source, url.absoluteString, "not archived: \(error)")
                return nil
            }
            if capture.disposition == .truncated {
                await fail(source, url.absoluteString, "response larger than \(exchange.response.body.count) bytes (max-size): cut there, archived as truncated, not read")
                return nil
            }
            if let coding = exchange.undecodedCoding {
                await fail(source, url.absoluteString, "body coded as '\(coding)', which was not asked for and is not decoded: archived but not read")
                return nil
            }
            let status = exchange.response.status
            if status == 429 || (500...599).contains(status) {
                let asked = exchange.response["Retry-After"].flatMap(Self.retryAfter)
                if let asked, asked > maximumRetryWait {
                    await fail(source, url.absoluteString, "HTTP \(status) (retry after \(Self.seconds(asked)) s; not waiting that long)")
                    return nil
                }
                if attempt < entry.retries {
                    attempt += 1
                    await pause(asked ?? backoff(attempt))
                    continue
                }
                await fail(source, url.absoluteString, "HTTP \(status)\(attempt > 0 ? " after \(attempt) retr\(attempt == 1 ? "y" : "ies")" : "")")
                return nil
            }
            switch capture.disposition {
            case .page:
                return capture
            case .challenge:
                await fail(source, url.absoluteString, "bot challenge (\(capture.dispositionDetail ?? "?")): archived but not read as a page")
            case .notAPage:
                await fail(source, url.absoluteString, "content type \(exchange.response["Content-Type"] ?? "?") is not a page: archived but not read")
            case .failed, .notModified, .redirect, .truncated, .unreadable:
                await fail(source, url.absoluteString, "HTTP \(status)")
            }
            return nil
        }
    }

    /// Each hop of a redirect is archived as it comes (it crossed the wire); the next is asked for only
    /// when a page may lead there (see `AddressPolicy`) and its host's robots.txt allows it, in its turn.
    private nonisolated func redirects(from url: URL, entry: SourceEntry) -> PageClient.Redirects {
        PageClient.Redirects(hop: { exchange in
            let retrieved = Date(timeIntervalSince1970: self.now().timeIntervalSince1970.rounded(.down))
            _ = try await self.archive(exchange, source: entry.plugin, retrieved: retrieved, options: entry.options)
        }, follow: { target in
            var refusal = self.hosts.refusal(of: target, from: entry)
            if refusal == nil { refusal = await self.admit(target, entry: entry) }
            if let refusal {
                throw FetchError.redirect(url: url.absoluteString, reason: "redirect to \(target.absoluteString) refused: \(refusal)")
            }
        })
    }

    /// Exponential backoff with jitter: base, 2×base, 4×base … each ±50%.
    private nonisolated func backoff(_ attempt: Int) -> Double {
        retryBase * pow(2, Double(attempt - 1)) * Double.random(in: 0.5...1.5)
    }

    private nonisolated func pause(_ seconds: Double) async {
        if seconds > 0 { try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000)) }
    }

    /// `Retry-After`: seconds or an HTTP date; nil for anything else. Never more than a day, so a hostile
    /// value ("inf", "1e400") is only "too long".
    static func retryAfter(_ value: String) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed) { return seconds.isNaN ? nil : min(max(0, seconds), Self.longestWait) }
        return Timestamp.loose(trimmed).map { min(max(0, $0.timeIntervalSinceNow), Self.longestWait) }
    }

    /// The bound on any wait a server names: a day.
    static let longestWait: Double = 86_400

    /// Longest Crawl-delay honoured; a host asking for more is reported and skipped for the run.
    public static let maximumCrawlDelay: Double = 120

    /// Seconds as a short figure for messages ("3600", "0.5").
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// Archives an exchange: request and response records (a `resource` record for a file), digested and
    /// gzip-encoded here, outside the actor; only the append is the actor's. What the response is is decided
    /// here, once, and archived with the record for every reparse to read back.
    private nonisolated func archive(_ exchange: PageClient.Exchange, source: String, retrieved: Date, options: [String: String],
                                     followedFrom: URL? = nil) async throws -> Capture {
        let decided = exchange.disposition
        let target = exchange.finalURL.absoluteString
        let payloadDigest = WARCDigest.sha1(exchange.response.body)
        var extra = captureHeaders(source: source, options: options, followedFrom: followedFrom) + [("WARC-Payload-Digest", payloadDigest),
                                                                        (CaptureDisposition.header, CaptureDisposition.headerValue(decided.disposition, detail: decided.detail))]
        if exchange.truncated { extra.append(("WARC-Truncated", "length")) }
        let responseID = WARCWriter.newRecordID()
        var records: [WARCRecord] = []
        let contentType = exchange.response["Content-Type"]
        if exchange.isFile {
            records.append(WARCWriter.header(type: "resource", id: responseID, date: retrieved, target: target,
                                             contentType: contentType ?? "application/octet-stream",
                                             block: exchange.response.body, extra: extra))
        } else {
            let requestID = WARCWriter.newRecordID()
            records.append(WARCWriter.header(type: "request", id: requestID, date: retrieved, target: target,
                                             contentType: "application/http;msgtype=request", block: exchange.requestHead ?? Data(),
                                             extra: [("WARC-Concurrent-To", responseID)]))
            records.append(WARCWriter.header(type: "response", id: responseID, date: retrieved, target: target,
                                             contentType: "application/http;msgtype=response",
                                             block: exchange.response.serialized(),
                                             extra: extra + [("WARC-Concurrent-To", requestID)]))
        }
        let page = FetchedPage(url: exchange.finalURL, body: exchange.response.body, contentType: contentType,
                               retrieved: retrieved, options: options, followedFrom: followedFrom)
        let capture = Capture(run: id, source: source, recordID: responseID, warcFile: file.lastPathComponent,
                              offset: 0, targetURI: target, retrieved: retrieved,
                              status: exchange.response.status, payloadDigest: payloadDigest, page: page,
                              etag: exchange.response["ETag"], lastModified: exchange.response["Last-Modified"],
                              disposition: decided.disposition, dispositionDetail: decided.detail)
        return try await append(WARCWriter.encode(records), capture, bytes: exchange.response.body.count)
    }

    /// Appends encoded records and keeps the capture (without its body); its offset is the last record's.
    private func append(_ encoded: WARCWriter.Encoded, _ capture: Capture, bytes count: Int) throws -> Capture {
        let written = try writer.append(encoded)
        var capture = capture
        capture.offset = written.last!.offset
        captures.append(capture.withoutBody)
        bytes += count
        onProgress(capture.source, captures.count, bytes, failures.count)
        return capture
    }

    /// The claimtrack fields every capture record carries: which plugin fetched it, in which run, and the
    /// source's options, so a reparse reads it exactly as the fetch did.
    private nonisolated func captureHeaders(source: String, options: [String: String], followedFrom: URL?) -> [(String, String)] {
        var headers = [(ArchiveScanner.sourceHeader, source), (ArchiveScanner.runHeader, id)]
        if !options.isEmpty { headers.append((ArchiveScanner.optionsHeader, SourceEntry.encode(options))) }
        if let followedFrom { headers.append((ArchiveScanner.followedFromHeader, followedFrom.absoluteString)) }
        return headers
    }

    /// A 304: archived as a `revisit` record (server-not-modified profile) pointing at the capture it
    /// confirms. A source's start page is read for links: those kept from the confirmed capture's reading
    /// when the store has them (no read, no parse), else that capture's bytes, read back from the archive.
    private nonisolated func revisit(_ exchange: PageClient.Exchange, last: PreviousCapture, source: String, retrieved: Date,
                                     options: [String: String], followedFrom: URL?, isStart: Bool) async throws -> Capture {
        let target = exchange.finalURL.absoluteString
        let revisitID = WARCWriter.newRecordID(), requestID = WARCWriter.newRecordID()
        let extra = captureHeaders(source: source, options: options, followedFrom: followedFrom) + [
            ("WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/server-not-modified"),
            ("WARC-Refers-To", last.recordID), ("WARC-Refers-To-Target-URI", target),
            ("WARC-Refers-To-Date", Timestamp.format(last.date)),
        ]
        let encoded = try WARCWriter.encode([
            WARCWriter.header(type: "request", id: requestID, date: retrieved, target: target,
                              contentType: "application/http;msgtype=request", block: exchange.requestHead ?? Data(),
                              extra: [("WARC-Concurrent-To", revisitID)]),
            WARCWriter.header(type: "revisit", id: revisitID, date: retrieved, target: target,
                              contentType: "application/http;msgtype=response", block: exchange.response.serialized(),
                              extra: extra + [("WARC-Concurrent-To", requestID)]),
        ])
        var body = Data()
        if isStart && last.links == nil {
            let confirmed = try WARCReader.record(at: last.offset, in: archiveFolder.appendingPathComponent(last.warcFile))
            body = (try? HTTPMessage.parse(confirmed.block))?.body ?? confirmed.block
        }
        var capture = Capture(run: id, source: source, recordID: revisitID, warcFile: file.lastPathComponent,
                              offset: 0, targetURI: target, retrieved: retrieved, status: 304,
                              payloadDigest: nil, page: FetchedPage(url: exchange.finalURL, body: body, retrieved: retrieved, options: options,
                                                                   followedFrom: followedFrom),
                              etag: last.etag, lastModified: last.lastModified, refersTo: last.recordID, disposition: .notModified)
        capture.links = last.links
        return try await append(encoded, capture, bytes: 0)
    }

    private func fail(_ source: String, _ url: String, _ message: String) {
        // The failure names its URL once: a transport error's own "GET <url>: " is dropped when it is that URL.
        let prefix = "GET \(url): "
        let message = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
        let failure = Run.Failure(source: source, url: url, message: message)
        failures.append(failure)
        onFailure(failure)
    }

    /// Writes the closing metadata record: the run's summary, so run history rebuilds from the archive.
    public func finish(sources: [String]) throws -> Run {
        let finished = now()
        let record = Run(id: id, started: started, finished: finished, warcFile: writer.file.lastPathComponent,
                         sources: sources, pages: captures.count, failures: failures)
        let block = try JSONOutput.encoder(pretty: false).encode(record)
        try writer.write([WARCWriter.header(type: "metadata", date: finished, target: "urn:claimtrack:run:\(id)",
                                            contentType: "application/json", block: block)])
        // On disk before the store is told about any of it.
        try writer.synchronize()
        return record
    }
}
