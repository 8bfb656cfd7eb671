import ArgumentParser
import ClaimCore
import ClaimQuery
import CommandSupport
import Foundation

/// `question show ID`.
public struct QuestionShow: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(commandName: "show", abstract: "One question: status, answer, spread, every claim with its citation.")

    @Argument(help: "The question id.", completion: Completions.questionIDs) var id: String
    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        let space = workspace.resolved
        // Only this question's claims are read and resolved, however large the store.
        let resolver = try workspace.reporting { try QuestionByQuestion(space, store: workspace.openStoreForReading()) }
        guard let question = resolver.questions.first(where: { $0.id == id }) else {
            throw ValidationError("unknown question '\(id)'; known: \(resolver.questions.map(\.id).sorted().joined(separator: ", "))")
        }
        let state = try workspace.reporting { try resolver.state(of: question) }
        if output.json { return try output.printJSON(state) }
        print("\(Terminal.bold(state.id)) [\(state.status.rawValue)] \(state.text)")
        print("  subjects: \(state.subjects.joined(separator: ", ")) · attribute: \(state.attribute)\(state.qualifier.map { " · qualifier: \($0)" } ?? "")")
        print("  answer: \(state.answer ?? "none yet")\(state.confidence.map { "  (\($0.label.rawValue), \(String(format: "%.2f", $0.score)))" } ?? "")")
        if let manual = state.manual { print("  manual answer, cited: \(manual.citation)") }
        if let spread = state.spread { print("  spread: \(spread)") }
        print("  independent sources: \(state.independentSources)")
        for claim in state.claims {
            print("  - \(claim.value.display)\(claim.qualifier.map { " (\($0))" } ?? "")  [\(claim.confidence.label.rawValue) \(String(format: "%.2f", claim.confidence.score))]  \(claim.citation?.publisher ?? "?"), \(claim.statedAt.map(Timestamp.format) ?? "undated")")
            let quoted = claim.citation?.quotedIn.map { "  (as quoted in \($0))" } ?? ""
            print(Terminal.dim("    \(claim.citation?.url ?? "")  \(claim.citation?.warcRecordID ?? "")\(quoted)"))
            print(Terminal.dim("    \u{201C}\(claim.quote)\u{201D}"))
        }
        for unknown in state.unknowns {
            print("  still unknown: \u{201C}\(unknown.quote)\u{201D} (\(unknown.citation?.publisher ?? "?"), \(unknown.citation?.url ?? ""))")
        }
        for contradiction in state.contradictions { print("  contradiction: \(contradiction.reason)") }
    }
}

