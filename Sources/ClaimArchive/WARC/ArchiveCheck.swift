import ClaimCore
import Foundation

/// Checks and repairs of the archive: every record's structure and digests, and torn final records left
/// by a process killed mid-write.
public enum ArchiveCheck {
    /// One thing wrong with the archive, at a file and offset.
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var offset: Int
        public var message: String
        public var description: String { "\(file) at offset \(offset): \(message)" }
    }

    /// What `verify` found in one file.
    public struct FileReport: Sendable {
        public var file: String
        public var records: Int
        /// Record ids of the captures (response and resource records) with their offsets.
        public var captures: [String: Int]
        public var problems: [Problem]
    }

    /// Reads every record of `file`, checking its block and payload digests and that requests and responses
    /// name each other.
    public static func verify(_ file: URL) throws -> FileReport {
        var report = FileReport(file: file.lastPathComponent, records: 0, captures: [:], problems: [])
        var concurrent: [(id: String, target: String, offset: Int)] = []
        var ids = Set<String>()
        let damage = try WARCReader.forEach(in: file) { located in
            let record = located.record
            report.records += 1
            func problem(_ message: String) { report.problems.append(Problem(file: report.file, offset: located.offset, message: message)) }
            if record.id.isEmpty { problem("record has no WARC-Record-ID") }
            if !ids.insert(record.id).inserted { problem("record id \(record.id) is used twice") }
            if record.date == nil { problem("WARC-Date is missing or not ISO 8601") }
            if let digest = record["WARC-Block-Digest"], digest != WARCDigest.sha1(record.block) {
                problem("WARC-Block-Digest \(digest) does not match the block (\(WARCDigest.sha1(record.block)))")
            }
            switch record.type {
            case "response":
                guard let message = try? HTTPMessage.parse(record.block) else { return problem("response block is not an HTTP message") }
                if let digest = record["WARC-Payload-Digest"], digest != WARCDigest.sha1(message.body) {
                    problem("WARC-Payload-Digest \(digest) does not match the payload")
                }
                report.captures[record.id] = located.offset
                if let other = record["WARC-Concurrent-To"] { concurrent.append((other, record.id, located.offset)) }
            case "resource":
                if let digest = record["WARC-Payload-Digest"], digest != WARCDigest.sha1(record.block) {
                    problem("WARC-Payload-Digest \(digest) does not match the payload")
                }
                report.captures[record.id] = located.offset
            case "request":
                if let other = record["WARC-Concurrent-To"] { concurrent.append((other, record.id, located.offset)) }
            case "revisit":
                report.captures[record.id] = located.offset
                if let other = record["WARC-Concurrent-To"] { concurrent.append((other, record.id, located.offset)) }
            case "warcinfo", "metadata":
                break
            default:
                problem("unknown WARC-Type '\(record.type)'")
            }
        }
        for link in concurrent where !ids.contains(link.id) {
            report.problems.append(Problem(file: report.file, offset: link.offset, message: "WARC-Concurrent-To \(link.id) names no record in this file"))
        }
        for problem in damage {
            switch problem {
            case .corrupt(_, let offset, let reason): report.problems.append(Problem(file: report.file, offset: offset, message: reason))
            case .torn(_, let offset, let reason): report.problems.append(Problem(file: report.file, offset: offset, message: "incomplete final record (\(reason))"))
            case .file, .compression: report.problems.append(Problem(file: report.file, offset: 0, message: problem.description))
            }
        }
        return report
    }

    /// What a repair set aside in an archive folder (`<run file>.torn-<offset>`), with the number of whole
    /// records each holds: none when it is only the incomplete record a killed run left.
    public static func setAside(in archive: URL) throws -> [(file: String, wholeRecords: Int)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        return try names.filter { $0.contains(".warc.gz.torn-") }.sorted().map { name in
            var whole = 0
            _ = try WARCReader.forEach(in: archive.appendingPathComponent(name)) { _ in whole += 1 }
            return (name, whole)
        }
    }

    /// Moves the torn tail of `file` — an incomplete final record, what a killed process leaves, and never a
    /// damaged record with whole ones after it — into `<file>.torn-<offset>` beside it and truncates the file
    /// to its last complete record. Returns what was set aside, if anything.
    @discardableResult
    public static func setAsideTornTail(_ file: URL) throws -> String? {
        guard case .torn(_, let offset, let reason)? = try WARCReader.forEach(in: file, { _ in }).last else { return nil }
        let handle = try FileHandle(forUpdating: file)
        defer { try? handle.close() }
        try handle.seek(toOffset: UInt64(offset))
        let torn = try handle.readToEnd() ?? Data()
        let aside = file.deletingLastPathComponent().appendingPathComponent("\(file.lastPathComponent).torn-\(offset)")
        try torn.write(to: aside)
        try handle.truncate(atOffset: UInt64(offset))
        try handle.synchronize()
        return "\(file.lastPathComponent): \(torn.count) bytes from offset \(offset) set aside in \(aside.lastPathComponent) (\(reason))"
    }
}
