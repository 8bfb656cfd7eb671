import ArgumentParser
import ClaimCore
import ClaimPipeline
import ClaimResolver

extension Claimtrack {
    /// `questions [--all]`.
    struct Questions: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unresolved questions with their best current answer, confidence and contradictions.")

        @Flag(name: .long, help: "Show resolved questions too.")
        var all = false

        @OptionGroup var workspace: WorkspaceOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let space = workspace.resolved
            let snapshot = try workspace.reporting { try Snapshot.load(space, store: workspace.openStore()) }
            let shown = snapshot.questions.filter { all || $0.status != .resolved }.sorted { ($0.status, $0.id) < ($1.status, $1.id) }
            if output.json { return try output.printJSON(shown) }
            if shown.isEmpty { print(snapshot.questions.isEmpty ? "no questions: add some to Questions.list" : "every question is resolved") }
            for question in shown {
                print("\(Terminal.bold(question.id)) [\(question.status.rawValue)] \(question.text)")
                var answer = "  answer: \(question.answer ?? "none yet")"
                if let confidence = question.confidence { answer += "  (\(confidence.label.rawValue), \(String(format: "%.2f", confidence.score)))" }
                print(answer + "  · \(question.claims.count) claims from \(question.independentSources) source\(question.independentSources == 1 ? "" : "s")")
                if let spread = question.spread { print("  spread: \(spread)") }
                for unknown in question.unknowns {
                    print("  still unknown: \u{201C}\(unknown.quote)\u{201D} (\(unknown.citation?.publisher ?? "?"))")
                }
                for contradiction in question.contradictions {
                    let (a, b) = (contradiction.claims[0], contradiction.claims[1])
                    print("  contradiction: \(a.value.display) (\(a.citation?.publisher ?? "?")) vs \(b.value.display) (\(b.citation?.publisher ?? "?")) — \(contradiction.reason)")
                }
            }
        }
    }
}
