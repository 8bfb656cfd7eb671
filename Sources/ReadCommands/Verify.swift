import ArgumentParser
import ClaimArchive
import ClaimCore
import CommandSupport
import Foundation

/// `verify`: the archive's records and digests, and the store against the archive.
public struct Verify: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Check every WARC record's structure and digests, and that the store matches the archive.",
        discussion: "Changes nothing. Each problem is reported with its file and offset; the exit code is 1 if there is any.")

    @OptionGroup var workspace: WorkspaceOptions

    public func run() throws {
        let space = workspace.resolved
        var problems: [String] = []
        var archived: [String: (file: String, offset: Int)] = [:]
        var records = 0
        let files = space.runFiles()
        for file in files {
            let report = try workspace.reporting { try ArchiveCheck.verify(file) }
            records += report.records
            problems += report.problems.map(\.description)
            for (id, offset) in report.captures { archived[id] = (report.file, offset) }
        }
        // A torn tail set aside holds one incomplete record; whole records set aside are missing data.
        for aside in try workspace.reporting({ try ArchiveCheck.setAside(in: space.archive) }) {
            if aside.wholeRecords > 0 {
                problems.append("\(aside.file) holds \(aside.wholeRecords) whole record\(aside.wholeRecords == 1 ? "" : "s") set aside from the archive, in neither its run files nor the store")
            } else {
                Terminal.warn("note: \(aside.file) holds the incomplete record a killed run left; delete it once inspected")
            }
        }
        var stored = 0, excerpts = 0
        if try workspace.reporting({ try space.hasStore() }) {
            let rows = try workspace.reporting { try workspace.openStoreForReading().captures() }
            let captures = rows.filter { !$0.isExcerpt }
            stored = captures.count
            excerpts = rows.count - captures.count
            for capture in rows {
                // An excerpt's bytes are its feed's or listing's record.
                let record = capture.quotedIn ?? capture.recordID
                guard let place = archived[record] else {
                    problems.append("store: capture \(capture.recordID) (\(capture.targetURI)) is not in the archive")
                    continue
                }
                if place.file != capture.warcFile || place.offset != capture.offset {
                    problems.append("store: capture \(capture.recordID) is recorded at \(capture.warcFile):\(capture.offset) but archived at \(place.file):\(place.offset)")
                }
            }
            let storedIDs = Set(captures.map(\.recordID))
            let missing = archived.keys.filter { !storedIDs.contains($0) }.count
            if missing > 0 { problems.append("store: \(missing) archived capture\(missing == 1 ? " is" : "s are") not in the store; run 'claimtrack fetch --offline'") }
        }
        problems.forEach { Terminal.warn("error: \($0)") }
        let quoted = excerpts == 0 ? "" : " (and \(excerpts) excerpt\(excerpts == 1 ? "" : "s") of articles they quote)"
        print("\(files.count) WARC file\(files.count == 1 ? "" : "s"), \(records) records, \(archived.count) captures archived, \(stored) stored\(quoted): \(problems.isEmpty ? "ok" : "\(problems.count) problem\(problems.count == 1 ? "" : "s")")")
        if !problems.isEmpty { throw ExitCode.failure }
    }
}
