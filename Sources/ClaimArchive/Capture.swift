import ClaimCore
import Foundation

/// One archived page: the WARC record that holds it and the bytes a plugin reads.
public struct Capture: Sendable {
    public var run: String
    public var source: String
    public var recordID: String
    public var warcFile: String
    public var offset: Int
    public var targetURI: String
    public var retrieved: Date
    public var status: Int
    public var payloadDigest: String?
    public var page: FetchedPage
    /// The server's validators, for the next run's conditional request.
    public var etag: String?
    public var lastModified: String?
    /// For a 304 (a `revisit` record): the record id of the capture it confirms.
    public var refersTo: String?
    /// The links a run follows from this page, when known without reading it (a 304 whose confirmed
    /// capture's reading kept them).
    public var links: [URL]?
    /// What it is: the page, or why it is not read (decided once, when it was archived).
    public var disposition: CaptureDisposition
    /// What the disposition names: the bot-challenge service.
    public var dispositionDetail: String?

    public init(run: String, source: String, recordID: String, warcFile: String, offset: Int, targetURI: String, retrieved: Date,
                status: Int, payloadDigest: String?, page: FetchedPage, etag: String? = nil, lastModified: String? = nil,
                refersTo: String? = nil, links: [URL]? = nil, disposition: CaptureDisposition = .page, dispositionDetail: String? = nil) {
        self.run = run
        self.source = source
        self.recordID = recordID
        self.warcFile = warcFile
        self.offset = offset
        self.targetURI = targetURI
        self.retrieved = retrieved
        self.status = status
        self.payloadDigest = payloadDigest
        self.page = page
        self.etag = etag
        self.lastModified = lastModified
        self.refersTo = refersTo
        self.links = links
        self.disposition = disposition
        self.dispositionDetail = dispositionDetail
    }
}

extension Capture {
    /// This capture with an empty body: what is kept once the archive holds the bytes.
    public var withoutBody: Capture {
        var copy = self
        copy.page.body = Data()
        return copy
    }
}

/// What a run needs of a page's last capture to ask the server whether it changed.
public struct PreviousCapture: Sendable {
    public var recordID: String
    public var date: Date
    public var etag: String?
    public var lastModified: String?
    public var warcFile: String
    public var offset: Int
    /// The links its plugin found on it when it was read (nil when the store does not know them).
    public var links: [URL]?

    public init(recordID: String, date: Date, etag: String?, lastModified: String?, warcFile: String, offset: Int, links: [URL]? = nil) {
        self.links = links
        self.recordID = recordID
        self.date = date
        self.etag = etag
        self.lastModified = lastModified
        self.warcFile = warcFile
        self.offset = offset
    }
}

/// Reads runs and captures back out of the archive: what `reparse` and `fetch --offline` rebuild from.
public enum ArchiveScanner {
    /// Header naming the plugin that fetched a record (a WARC extension field).
    public static let sourceHeader = "Claimtrack-Source"
    public static let runHeader = "Claimtrack-Run"
    public static let optionsHeader = "Claimtrack-Options"
    /// On a page a source's start page led to: that start page's URL.
    public static let followedFromHeader = "Claimtrack-Followed-From"

    /// Streams one WARC file's captures to `each` in archive order, holding one record at a time, and
    /// returns its run (with the page count) and the damaged records it skipped (a torn tail last).
    /// `onRun` hears of the run as soon as its warcinfo record is read (before any capture) and again
    /// when its closing summary is.
    public static func scan(_ file: URL, onRun: (Run) throws -> Void = { _ in }, each: (Capture) throws -> Void) throws
        -> (run: Run?, problems: [ArchiveError]) {
        try scan(.file(file), onRun: onRun, each: each)
    }

    /// Streams the captures of a WARC file already in memory; `name` is the file name they cite.
    public static func scan(_ data: Data, named name: String, onRun: (Run) throws -> Void = { _ in },
                            each: (Capture) throws -> Void) throws -> (run: Run?, problems: [ArchiveError]) {
        try scan(.bytes(data, name: name), onRun: onRun, each: each)
    }

    /// Where the records come from: a file read a chunk at a time, or bytes already in memory.
    private enum Source {
        case file(URL)
        case bytes(Data, name: String)

        var name: String {
            switch self {
            case .file(let url): url.lastPathComponent
            case .bytes(_, let name): name
            }
        }

        func forEach(_ body: (WARCReader.Located) throws -> Void) throws -> [ArchiveError] {
            switch self {
            case .file(let url): try WARCReader.forEach(in: url, body)
            case .bytes(let data, let name): try WARCReader.forEach(in: data, named: name, body)
            }
        }
    }

    private static func scan(_ source: Source, onRun: (Run) throws -> Void, each: (Capture) throws -> Void) throws
        -> (run: Run?, problems: [ArchiveError]) {
        let name = source.name
        var run: Run?
        var pages = 0
        let problems = try source.forEach { located in
            let record = located.record
            switch record.type {
            case "warcinfo":
                let fields = parseFields(record.block)
                if let id = fields["run"], let started = fields["started"].flatMap({ Timestamp.iso8601($0) }) {
                    run = Run(id: id, started: started, warcFile: name)
                    try onRun(run!)
                }
            case "metadata" where record["Content-Type"] == "application/json":
                if let summary = try? JSONOutput.decoder().decode(Run.self, from: record.block) {
                    run = summary
                    try onRun(summary)
                }
            case "response", "resource":
                guard let source = record[sourceHeader], let target = record.targetURI, let url = URL(string: target),
                      let date = record.date else { return }
                var status = 200
                var contentType = record["Content-Type"]
                var body = record.block
                var message: HTTPMessage?
                if record.type == "response" {
                    guard let parsed = try? HTTPMessage.parse(record.block) else { return }
                    message = parsed
                    status = parsed.status
                    contentType = parsed["Content-Type"]
                    body = parsed.body
                }
                let page = FetchedPage(url: url, body: body, contentType: contentType, retrieved: date,
                                       options: record[optionsHeader].map(SourceEntry.decode) ?? [:],
                                       followedFrom: record[followedFromHeader].flatMap(URL.init(string:)))
                pages += 1
                let truncated = record["WARC-Truncated"] != nil, coding = message?["Content-Encoding"]
                // The decision the fetch wrote; taken here only for records archived before it was written.
                let decided = record[CaptureDisposition.header].flatMap(CaptureDisposition.parse)
                    ?? CaptureDisposition.of(status: status, contentType: contentType, contentCoding: coding, truncated: truncated, body: body)
                try each(Capture(run: record[runHeader] ?? run?.id ?? "", source: source, recordID: record.id,
                                        warcFile: name, offset: located.offset, targetURI: target,
                                        retrieved: date, status: status, payloadDigest: record["WARC-Payload-Digest"],
                                        page: page, etag: message?["ETag"], lastModified: message?["Last-Modified"],
                                        disposition: decided.disposition, dispositionDetail: decided.detail))
            case "revisit":
                guard let source = record[sourceHeader], let target = record.targetURI, let url = URL(string: target),
                      let date = record.date else { return }
                pages += 1
                try each(Capture(run: record[runHeader] ?? run?.id ?? "", source: source, recordID: record.id,
                                        warcFile: name, offset: located.offset, targetURI: target,
                                        retrieved: date, status: 304, payloadDigest: record["WARC-Payload-Digest"],
                                        page: FetchedPage(url: url, body: Data(), retrieved: date), refersTo: record["WARC-Refers-To"],
                                        disposition: .notModified))
            default:
                break
            }
        }
        if run != nil { run!.pages = pages }
        return (run, problems)
    }

    /// `key: value` lines of a warcinfo block.
    static func parseFields(_ block: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
