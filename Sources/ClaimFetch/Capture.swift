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
}

/// Reads runs and captures back out of the archive: what `reparse` and `fetch --offline` rebuild from.
public enum ArchiveScanner {
    /// Header naming the plugin that fetched a record (a WARC extension field).
    public static let sourceHeader = "Claimtrack-Source"
    public static let runHeader = "Claimtrack-Run"
    public static let optionsHeader = "Claimtrack-Options"

    /// The run and its captures from one WARC file; a torn or corrupt tail is returned as `problem`.
    public static func scan(_ file: URL) throws
        -> (run: Run?, captures: [Capture], problem: FetchError?) {
        var run: Run?
        var captures: [Capture] = []
        let problem = try WARCReader.forEach(in: file) { located in
            let record = located.record
            switch record.type {
            case "warcinfo":
                let fields = parseFields(record.block)
                if let id = fields["run"], let started = fields["started"].flatMap({ Timestamp.iso8601($0) }) {
                    run = Run(id: id, started: started, warcFile: file.lastPathComponent)
                }
            case "metadata" where record["Content-Type"] == "application/json":
                if let summary = try? JSONOutput.decoder().decode(Run.self, from: record.block) { run = summary }
            case "response", "resource":
                guard let source = record[sourceHeader], let target = record.targetURI, let url = URL(string: target),
                      let date = record.date else { return }
                var status = 200
                var contentType = record["Content-Type"]
                var body = record.block
                if record.type == "response" {
                    guard let message = try? HTTPMessage.parse(record.block) else { return }
                    status = message.status
                    contentType = message["Content-Type"]
                    body = message.body
                }
                let page = FetchedPage(url: url, body: body, contentType: contentType, retrieved: date,
                                       options: record[optionsHeader].map(SourceEntry.decode) ?? [:])
                captures.append(Capture(run: record[runHeader] ?? run?.id ?? "", source: source, recordID: record.id,
                                        warcFile: file.lastPathComponent, offset: located.offset, targetURI: target,
                                        retrieved: date, status: status, payloadDigest: record["WARC-Payload-Digest"],
                                        page: page))
            default:
                break
            }
        }
        if run != nil { run!.pages = captures.count }
        return (run, captures, problem)
    }

    /// `key: value` lines of a warcinfo block.
    static func parseFields(_ block: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for line in String(decoding: block, as: UTF8.self).components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }
}
