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
    /// How the track record is come by: handed in, or judged on first need (the kept one, or the resolved
    /// questions judged).
    private enum Judging {
        case given(TrackRecord.Learning)
        case onFirstNeed(Workspace, run: String?)
    }

    private let judging: Judging
    /// The track record and what it teaches, once judged, and the questions judging resolved (never weighed,
    /// so final): their summaries and, for a question on one slot, that slot's contradictions by `Claim.key`.
    private final class Learned: @unchecked Sendable {
        var judgements: [Judgement]?
        var learning: TrackRecord.Learning?
        var resolved: [String: (summary: QuestionSummary, slot: (key: String, contradictions: [Contradiction])?)] = [:]
    }

    private let learned = Learned()

    /// The state as of `run` (default: the latest); with `keeping`, resolved from only the claims it accepts.
    /// Unresolved questions are weighed by `learning` when given, else by the track record the writer kept or,
    /// where none is, by one judged from the questions that have a manual answer or a claim that can resolve
    /// them — judged on first need (`contradictions()` never needs it).
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
        judging = given.map { .given($0) } ?? .onFirstNeed(workspace, run: run)
    }

    /// The track record: every earlier claim on each resolved question judged (`TrackRecord.judge`).
    public func judgements() throws -> [Judgement] {
        if let judged = learned.judgements { return judged }
        var judged: [Judgement] = []
        if case .onFirstNeed(let workspace, let run) = judging, let kept: [Judgement] = try KeptResolution.kept(.judgements, workspace, store, run) {
            judged = kept
        } else {
            // Resolved questions are never weighed, so they are judged before anything is learned.
            for question in questions {
                let decisive = Array(Resolver.decisiveLabels(question)).map(\.rawValue).sorted()
                let canResolve = try question.manual != nil || !store.claims(about: question.subjects, attribute: question.attribute,
                                                                               qualifier: question.qualifier, labels: decisive, in: live).isEmpty
                guard canResolve else { continue }
                let resolved = try resolve(question, learning: TrackRecord.Learning([]))
                guard resolved.state.status == .resolved else { continue }
                judged += TrackRecord.judge(question, resolved.state, tolerances: tolerances)
                learned.resolved[question.id] = (QuestionSummary(resolved.state), slotContradictions(question, resolved.claims))
            }
        }
        learned.judgements = judged
        return judged
    }

    /// What unresolved questions are weighed by.
    func learning() throws -> TrackRecord.Learning {
        if let learning = learned.learning { return learning }
        let learning = switch judging {
        case .given(let learning): learning
        case .onFirstNeed: TrackRecord.Learning(try judgements())
        }
        learned.learning = learning
        return learning
    }

    /// Every contradiction among the live claims, as `Snapshot.contradictions` finds them: contradictions lie
    /// within one subject, attribute and qualifier, so the claims are read one such slot at a time.
    public func contradictions() throws -> [Contradiction] {
        try contradictions(known: [:])
    }

    /// Every question resolved (without its claims), every contradiction among the live claims, and the track
    /// record of the resolved questions, reading a question's claims once: the resolved questions as judging
    /// read them, and a question on one slot gives that slot's contradictions from the same claims.
    public func summariesAndContradictions() throws -> (summaries: [QuestionSummary], contradictions: [Contradiction], judgements: [Judgement]) {
        var known: [String: [Contradiction]] = [:]
        let summaries = try summaries { slot in
            if known[slot.key] == nil { known[slot.key] = slot.contradictions }
        }
        return (summaries, try contradictions(known: known), try judgements())
    }

    /// Every question resolved, without its claims: the resolved ones as judging read them, the rest weighed
    /// by what they taught. `slot` hears each one-slot question's slot contradictions.
    public func summaries(_ slot: ((key: String, contradictions: [Contradiction])) -> Void = { _ in }) throws -> [QuestionSummary] {
        _ = try learning()
        return try questions.map { question in
            if let done = learned.resolved[question.id] {
                done.slot.map(slot)
                return done.summary
            }
            let resolved = try resolve(question)
            slotContradictions(question, resolved.claims).map(slot)
            return QuestionSummary(resolved.state)
        }
    }

    /// For a question on one slot (one subject, a qualifier), the slot's key and the contradictions among the
    /// claims it was resolved from: those of the whole slot.
    private func slotContradictions(_ question: Question, _ claims: [Claim]) -> (key: String, contradictions: [Contradiction])? {
        guard Set(question.subjects).count == 1, let qualifier = question.qualifier, !qualifier.isEmpty else { return nil }
        return ([question.subjects[0], question.attribute, qualifier].joined(separator: "|"), Resolver.contradictions(among: claims, tolerances: tolerances))
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

    /// `question` resolved, and the claims it was resolved from as resolving links and corroborates them; its
    /// claims weighed by `learning` (default: `learning()`) if it is not resolved.
    private func resolve(_ question: Question, learning given: TrackRecord.Learning? = nil) throws -> (state: QuestionState, claims: [Claim]) {
        let claims = try store.claims(about: question.subjects, attribute: question.attribute, qualifier: question.qualifier, in: live)
            .filter(keep)
        let resolved = Resolver.resolve(questions: [question], claims: claims, unknowns: unknowns, tolerances: tolerances, names: names,
                                        linkingTo: questions, learning: try given ?? learning())
        return (resolved.questions[0], resolved.claims)
    }
}
