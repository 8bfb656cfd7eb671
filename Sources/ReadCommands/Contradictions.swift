import ArgumentParser
import ClaimCore
import ClaimQuery
import ClaimResolver
import CommandSupport

/// `contradictions`: every live contradiction with both citations.
public struct Contradictions: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Every live contradiction: both claims with their citations, the preferred one and why.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        let space = workspace.resolved
        // Every contradiction among live claims, whether or not a question tracks it.
        let all = try workspace.reporting { try Snapshot.liveContradictions(space, store: workspace.openStoreForReading()) }
        if output.json { return try output.printJSON(all) }
        if all.isEmpty { print("no contradictions") }
        for contradiction in all {
            let claims = contradiction.claims
            print(Terminal.bold("\(claims[0].subject) · \(claims[0].attribute)\(claims[0].qualifier.map { " (\($0))" } ?? "")"))
            for (index, claim) in claims.enumerated() {
                let mark = index == contradiction.preferred ? "preferred" : "         "
                print("  \(mark) \(claim.value.display)  [\(claim.confidence.label.rawValue)]  \(claim.citation?.publisher ?? "?"), \(claim.statedAt.map(Timestamp.format) ?? "undated")")
                print(Terminal.dim("            \(claim.citation?.url ?? "")  \(claim.citation?.warcRecordID ?? "")"))
                print(Terminal.dim("            \u{201C}\(claim.quote)\u{201D}"))
            }
            print("  reason: \(contradiction.reason)")
        }
    }
}
