import ClaimCore
import ClaimDigest
import ClaimResolver
import ClaimStore
import Foundation

/// A digest's content read from the store a question and a slot at a time (`QuestionByQuestion`): at a
/// million claims the digest holds one question's claims, not the store's.
public struct StoreDigestContent: DigestContent {
    public let workspace: String
    public let run: String?
    private let resolver: QuestionByQuestion
    private let states: [QuestionState]

    /// The live claims of the latest run; with `since`, only those stated since then, and every question
    /// resolved from them alone (its status, answer, spread and contradictions are those of the claims the
    /// digest shows).
    public init(_ workspace: Workspace, store: Store, since: Date? = nil) throws {
        self.workspace = workspace.root.lastPathComponent
        run = try store.latestRunID()
        guard let since else {
            resolver = try QuestionByQuestion(workspace, store: store)
            // The statuses that order the questions: the ones the writer kept, when they are current.
            states = try Snapshot.questionSummaries(workspace, store: store).map(\.state)
            return
        }
        // A source's record is its whole record, whatever the digest's window.
        let record = TrackRecord.Learning(try Snapshot.judgements(workspace, store: store))
        let resolver = try QuestionByQuestion(workspace, store: store, keeping: DigestFilter(since: since).keeps, learning: record)
        self.resolver = resolver
        states = try resolver.questions.map { try resolver.state(of: $0) }.map { QuestionSummary($0).state }
    }

    public func questionStates() -> [QuestionState] { states }

    public func state(of question: QuestionState) throws -> QuestionState {
        guard let asked = resolver.questions.first(where: { $0.id == question.id }) else { return question }
        return try resolver.state(of: asked)
    }

    public func judgements() throws -> [Judgement] { try resolver.judgements() }

    public func forEachSlot(_ body: ([Claim]) throws -> Void) throws {
        for slot in try resolver.slots() { try body(try resolver.claims(in: slot)) }
    }
}
