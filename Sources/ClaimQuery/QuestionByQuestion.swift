import ClaimCore
import ClaimDigest
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
    /// Which live claims are resolved: every one, or those a digest `--since` a date shows.
    let keep: (Claim) -> Bool
    public let questions: [Question]
    /// The track record: every earlier claim on each resolved question judged (`TrackRecord.judge`).
    public private(set) var judgements: [Judgement] = []
    /// What the track record teaches, by which the claims of unresolved questions are weighed.
    public private(set) var learning = TrackRecord.Learning([])

    /// The state as of `run` (default: the latest); with `keeping`, resolved from only the claims it accepts.
    /// The track record is `learning`'s when given, else the one the writer kept, else judged here from the
    /// questions that have a manual answer or a claim that can resolve them.
    public init(_ workspace: Workspace, store: Store, asOf run: String? = nil, keeping keep: @escaping (Claim) -> Bool = { _ in true },
                learning given: TrackRecord.Learning? = nil) throws {
        self.store = store
        self.keep = keep
        live = Store.LiveCaptures(try store.latestCaptures(asOf: run))
        // Every claim of a capture cites it: the captures with claims, in order, name the publishers.
        let withClaims = try store.capturesWithClaims()
        names = Resolver.publisherNames(live.inOrder.filter { withClaims.contains($0.id!) }.map(\.citation))
        unknowns = try store.liveUnknowns(asOf: run)
        tolerances = try workspace.vocabulary().tolerances
        questions = try workspace.questions()
        if let given {
            learning = given
            return
        }
        if let kept: [Judgement] = try KeptResolution.kept(.judgements, workspace, store, run) {
            judgements = kept
        } else {
            // Resolved questions are never weighed, so they are judged before any learning.
            for question in questions {
                let decisive = Array(Resolver.decisiveLabels(question)).map(\.rawValue).sorted()
                let canResolve = try question.manual != nil || !store.claims(about: question.subjects, attribute: question.attribute,
                                                                               qualifier: question.qualifier, labels: decisive, in: live).isEmpty
                guard canResolve else { continue }
                judgements += TrackRecord.judge(question, try resolve(question).state, tolerances: tolerances)
            }
        }
        learning = TrackRecord.Learning(judgements)
    }

    /// Every contradiction among the live claims, as `Snapshot.contradictions` finds them: contradictions lie
    /// within one subject, attribute and qualifier, so the claims are read one such slot at a time.
    public func contradictions() throws -> [Contradiction] {
        try contradictions(known: [:])
    }

    /// Every question resolved (without its claims), every contradiction among the live claims, and the track
    /// record of the resolved questions, reading a question's claims once: a question on one slot gives that
    /// slot's contradictions from the same claims.
    public func summariesAndContradictions() throws -> (summaries: [QuestionSummary], contradictions: [Contradiction], judgements: [Judgement]) {
        var known: [String: [Contradiction]] = [:]
        let summaries = try questions.map { question in
            let resolved = try resolve(question)
            if Set(question.subjects).count == 1, let qualifier = question.qualifier, !qualifier.isEmpty {
                let key = [question.subjects[0], question.attribute, qualifier].joined(separator: "|")
                if known[key] == nil { known[key] = Resolver.contradictions(among: resolved.claims, tolerances: tolerances) }
            }
            return QuestionSummary(resolved.state)
        }
        return (summaries, try contradictions(known: known), judgements)
    }

    /// The contradictions of every slot, those of `known` (by `Claim.key`) as given, in order of that key.
    private func contradictions(known: [String: [Contradiction]]) throws -> [Contradiction] {
        var found: [(key: String, contradictions: [Contradiction])] = []
        for slot in try slots() {
            let key = [slot.subject, slot.attribute, slot.qualifier].joined(separator: "|")
            if let given = known[key] {
                found.append((key, given))
                continue
            }
            let claims = try claims(in: slot)
            guard claims.count > 1 else { continue }
            found.append((key, Resolver.contradictions(among: claims, tolerances: tolerances)))
        }
        return found.sorted { $0.key < $1.key }.flatMap(\.contradictions)
    }

    /// Every slot of the live claims, by subject, attribute and qualifier; no qualifier and an empty one are
    /// one slot, as in `Claim.key`.
    public func slots() throws -> [DigestSlot] {
        Set(try store.claimSlots().map { DigestSlot(subject: $0.subject, attribute: $0.attribute, qualifier: $0.qualifier) }).sorted()
    }

    /// The live claims in `slot`, corroborated and linked to the questions as resolving every claim would.
    public func claims(in slot: DigestSlot) throws -> [Claim] {
        let claims = try store.claims(about: [slot.subject], attribute: slot.attribute, qualifier: slot.qualifier, exactly: true, in: live)
            .filter(keep)
        return Resolver.link(Resolver.corroborated(claims, names: names), to: questions)
    }

    /// `question` resolved, with its claims.
    public func state(of question: Question) throws -> QuestionState {
        try resolve(question).state
    }

    /// `question` resolved, and the claims it was resolved from as resolving links and corroborates them.
    private func resolve(_ question: Question) throws -> (state: QuestionState, claims: [Claim]) {
        let claims = try store.claims(about: question.subjects, attribute: question.attribute, qualifier: question.qualifier, in: live)
            .filter(keep)
        let resolved = Resolver.resolve(questions: [question], claims: claims, unknowns: unknowns, tolerances: tolerances, names: names,
                                        linkingTo: questions, learning: learning)
        return (resolved.questions[0], resolved.claims)
    }
}
