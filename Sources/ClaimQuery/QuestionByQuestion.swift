import ClaimCore
import ClaimResolver
import ClaimStore
import Foundation

/// A state's questions resolved one at a time, each from only the claims about its subjects and attribute,
/// so that printing every question with every claim holds one question's claims at a time, not the store's.
/// Each question comes out as `Snapshot.load` resolves it: a question's links, corroborations (claims with
/// its key) and contradictions lie within its own slot, and publishers are named from every live claim.
public struct QuestionByQuestion {
    let store: Store
    let live: Store.LiveCaptures
    let names: [String: String]
    let unknowns: [StatedUnknown]
    let tolerances: [String: Double]
    public let questions: [Question]

    public init(_ workspace: Workspace, store: Store, asOf run: String? = nil) throws {
        self.store = store
        live = Store.LiveCaptures(try store.latestCaptures(asOf: run))
        // Every claim of a capture cites it: the captures with claims, in order, name the publishers.
        let withClaims = try store.capturesWithClaims()
        names = Resolver.publisherNames(live.inOrder.filter { withClaims.contains($0.id!) }.map(\.citation))
        unknowns = try store.liveUnknowns(asOf: run)
        tolerances = try workspace.vocabulary().tolerances
        questions = try workspace.questions()
    }

    /// Every contradiction among the live claims, as `Snapshot.contradictions` finds them: contradictions lie
    /// within one subject, attribute and qualifier, so the claims are read one such slot at a time.
    public func contradictions() throws -> [Contradiction] {
        try contradictions(known: [:])
    }

    /// Every question resolved (without its claims) and every contradiction among the live claims, reading a
    /// question's claims once: a question on one slot gives that slot's contradictions from the same claims.
    public func summariesAndContradictions() throws -> (summaries: [QuestionSummary], contradictions: [Contradiction]) {
        var known: [String: [Contradiction]] = [:]
        let summaries = try questions.map { question in
            let resolved = try resolve(question)
            if Set(question.subjects).count == 1, let qualifier = question.qualifier, !qualifier.isEmpty {
                let key = [question.subjects[0], question.attribute, qualifier].joined(separator: "|")
                if known[key] == nil { known[key] = Resolver.contradictions(among: resolved.claims, tolerances: tolerances) }
            }
            return QuestionSummary(resolved.state)
        }
        return (summaries, try contradictions(known: known))
    }

    /// The contradictions of every slot, those of `known` (by `Claim.key`) as given.
    private func contradictions(known: [String: [Contradiction]]) throws -> [Contradiction] {
        // By `Claim.key`, which reads no qualifier and an empty one alike.
        let slots = Dictionary(try store.claimSlots().map { ([$0.subject, $0.attribute, $0.qualifier ?? ""].joined(separator: "|"), $0) },
                               uniquingKeysWith: { first, _ in first })
        var found: [Contradiction] = []
        for key in slots.keys.sorted() {
            if let given = known[key] {
                found += given
                continue
            }
            let slot = slots[key]!
            let claims = try store.claims(about: [slot.subject], attribute: slot.attribute, qualifier: slot.qualifier, exactly: true, in: live)
            guard claims.count > 1 else { continue }
            found += Resolver.contradictions(among: Resolver.link(Resolver.corroborated(claims, names: names), to: questions), tolerances: tolerances)
        }
        return found
    }

    /// `question` resolved, with its claims.
    public func state(of question: Question) throws -> QuestionState {
        try resolve(question).state
    }

    /// `question` resolved, and the claims it was resolved from as resolving links and corroborates them.
    private func resolve(_ question: Question) throws -> (state: QuestionState, claims: [Claim]) {
        let claims = try store.claims(about: question.subjects, attribute: question.attribute, qualifier: question.qualifier, in: live)
        let resolved = Resolver.resolve(questions: [question], claims: claims, unknowns: unknowns, tolerances: tolerances, names: names,
                                        linkingTo: questions)
        return (resolved.questions[0], resolved.claims)
    }
}
