import ArgumentParser
import ClaimCore
import ClaimQuery
import ClaimResolver
import CommandSupport
import Foundation
import PluginRegistry

/// `track-record [--source ID] [--attribute A] [--calibration] [--json]`: who was right on the questions that
/// resolved.
public struct TrackRecordCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "track-record",
        abstract: "Each source's record on resolved questions: right, partly right, wrong, lead time, and a 95% interval on the share right.")

    @Option(name: .long, help: "Only this source: a plugin id (its sites) or a publisher's name.", completion: .list(PluginRegistry.ids))
    var source: String?

    @Option(name: .long, help: "Only claims on this attribute (e.g. release-date).")
    var attribute: String?

    @Flag(name: .long, help: "Each confidence label's stated confidence beside the share of its claims that came true.")
    var calibration = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    /// What `--json` prints.
    struct Report: Encodable {
        struct Group: Encodable {
            let name: String
            let record: TrackRecord.Record
        }

        let judgements: [Judgement]
        let publishers: [Group], authors: [Group], labels: [Group], attributes: [Group]
        let calibration: [TrackRecord.Calibration]
    }

    public func run() throws {
        let space = workspace.resolved
        let all = try workspace.reporting { try Snapshot.judgements(space, store: workspace.openStoreForReading()) }
        let judgements = all.filter { judgement in
            (source.map { Self.matches(judgement, source: $0) } ?? true) && (attribute.map { judgement.attribute == $0 } ?? true)
        }
        func groups(_ key: (Judgement) -> String?) -> [Report.Group] {
            TrackRecord.records(judgements, by: key).map { Report.Group(name: $0.name, record: $0.record) }
        }
        let report = Report(judgements: judgements, publishers: groups(\.publisher), authors: groups(\.author),
                            labels: groups(\.label.rawValue), attributes: groups(\.attribute), calibration: TrackRecord.calibration(judgements))
        if output.json { return try output.printJSON(report) }
        if judgements.isEmpty {
            let narrowed = source != nil || attribute != nil
            print(all.isEmpty ? "no resolved question has claims made before it resolved" : "no judged claims\(narrowed ? " match" : "")")
            return
        }
        if calibration { return printCalibration(report.calibration) }
        let questions = Set(judgements.map(\.question)).count
        print("\(judgements.count) claim\(judgements.count == 1 ? "" : "s") judged on \(questions) resolved question\(questions == 1 ? "" : "s") "
            + "(right: the answer within a month or exactly; partly: a wider window or within tolerance)")
        for (title, rows) in [("By publisher", report.publishers), ("By author", report.authors), ("By confidence label", report.labels),
                              ("By attribute", report.attributes)] where !rows.isEmpty {
            print("\n" + Terminal.bold(title))
            print(Self.row(["", "judged", "right", "partly", "wrong", "share right (95%)", "median lead", "changes of mind"]))
            for group in rows { print(Self.row(group.name, group.record)) }
        }
    }

    private func printCalibration(_ rows: [TrackRecord.Calibration]) {
        print("Calibration: each label's stated confidence beside the share of its claims that came true (partly right counts half)")
        print(Self.row(["label", "judged", "stated", "came true", "right (95%)", "", "", ""]))
        for row in rows {
            print(Self.row([row.label.rawValue, "\(row.judged)", String(format: "%.2f", row.stated), String(format: "%.2f", row.cameTrue),
                            String(format: "%.2f–%.2f", row.low, row.high), "", "", ""]))
        }
    }

    static func row(_ name: String, _ record: TrackRecord.Record) -> String {
        row([name, "\(record.judged)", "\(record.right)", "\(record.partly)", "\(record.wrong)",
             String(format: "%.2f (%.2f–%.2f)", record.shareRight, record.low, record.high),
             record.medianLeadDays.map { String(format: "%.0f days", $0) } ?? "–", "\(record.changes)"])
    }

    static func row(_ cells: [String]) -> String {
        let widths = [24, 7, 6, 7, 6, 19, 12, 0]
        return zip(cells, widths).map { cell, width in cell.padding(toLength: max(width, cell.count), withPad: " ", startingAt: 0) }
            .joined(separator: " ").replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
    }

    /// A judgement is a source's when its page is on one of the plugin's sites, or its publisher has the name.
    static func matches(_ judgement: Judgement, source: String) -> Bool {
        if judgement.publisher.caseInsensitiveCompare(source) == .orderedSame { return true }
        guard let plugin = PluginRegistry.plugin(id: source.lowercased()), let host = judgement.url.flatMap({ URL(string: $0)?.host?.lowercased() })
        else { return false }
        return type(of: plugin).descriptor.hosts.contains(host)
    }
}
