import ArgumentParser
import ClaimCore
import ClaimQuery
import ClaimResolver
import CommandSupport

/// `questions [--all]`.
public struct Questions: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Unresolved questions with their best current answer, confidence and contradictions.")

    @Flag(name: .long, help: "Show resolved questions too.")
    var all = false

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    public func run() throws {
        let space = workspace.resolved
        func wanted(_ question: QuestionState) -> Bool { all || question.status != .resolved }
        func order(_ a: QuestionState, _ b: QuestionState) -> Bool { (a.status, a.id) < (b.status, b.id) }
        let store = try workspace.openStoreForReading()
        let summaries = try workspace.reporting { try Snapshot.questionSummaries(space, store: store) }
        if output.json {
            // The JSON carries every linked claim: each question is resolved again with its claims and printed
            // before the next is read, so a million claims are never in memory at once.
            let resolver = try workspace.reporting { try QuestionByQuestion(space, store: store) }
            let byID = Dictionary(resolver.questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let shown = summaries.map(\.state).filter(wanted).sorted(by: order).compactMap { byID[$0.id] }
            return try workspace.reporting { try output.printJSONArray(shown) { try resolver.state(of: $0) } }
        }
        let shown = summaries.filter { wanted($0.state) }.sorted { order($0.state, $1.state) }
        if shown.isEmpty { print(summaries.isEmpty ? "no questions: add some to Questions.list" : "every question is resolved") }
        for summary in shown {
            let question = summary.state
            print("\(Terminal.bold(question.id)) [\(question.status.rawValue)] \(question.text)")
            var answer = "  answer: \(question.answer ?? "none yet")"
            if let confidence = question.confidence { answer += "  (\(confidence.label.rawValue), \(String(format: "%.2f", confidence.score)))" }
            if let manual = question.manual { answer += "  (manual answer, cited: \(manual.citation))" }
            print(answer + "  · \(summary.claimCount) claims from \(question.independentSources) source\(question.independentSources == 1 ? "" : "s")")
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
