import ArgumentParser
import ClaimCore
import ClaimQuery
import CommandSupport

/// `claims [--subject S] [--question ID]`.
public struct Claims: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(abstract: "List the live claims with their citations.")

    @Option(name: .long, help: "Only claims about this subject (canonical name, e.g. \"Mac Studio\").", completion: Completions.subjects)
    var subject: String?

    @Option(name: .long, help: "Only claims linked to this question id.", completion: Completions.questionIDs)
    var question: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        let space = workspace.resolved
        let snapshot = try workspace.reporting { try Snapshot.load(space, store: workspace.openStoreForReading()) }
        if let question, !snapshot.questions.contains(where: { $0.id == question }) {
            throw ValidationError("unknown question '\(question)'; known: \(snapshot.questions.map(\.id).sorted().joined(separator: ", "))")
        }
        if let subject, !snapshot.claims.contains(where: { $0.subject.caseInsensitiveCompare(subject) == .orderedSame }) {
            let known = Set(snapshot.claims.map(\.subject)).union(((try? space.vocabulary())?.subjects.map(\.name)) ?? [])
            if !known.contains(where: { $0.caseInsensitiveCompare(subject) == .orderedSame }) {
                throw ValidationError("no such subject '\(subject)'\(Suggestion.hint(for: subject, among: known.sorted()))")
            }
        }
        let claims = snapshot.claims.filter { claim in
            (subject == nil || claim.subject.caseInsensitiveCompare(subject!) == .orderedSame)
                && (question == nil || claim.questions.contains(question!))
        }
        if output.json { return try output.printJSON(claims) }
        for claim in claims {
            let qualifier = claim.qualifier.map { " (\($0))" } ?? ""
            print("\(Terminal.bold(claim.subject)) · \(claim.attribute)\(qualifier): \(claim.value.display)  [\(claim.confidence.label.rawValue) \(String(format: "%.2f", claim.confidence.score))]")
            let quoted = claim.citation?.quotedIn.map { " (as quoted in \($0))" } ?? ""
            print(Terminal.dim("  \(claim.citation?.publisher ?? "?"), \(claim.statedAt.map(Timestamp.format) ?? "undated"): \(claim.citation?.url ?? "")\(quoted)"))
        }
        if claims.isEmpty { print("no claims") }
    }
}
