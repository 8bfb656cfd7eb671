import ClaimCore
import ClaimResolver

/// What a digest is made of, read a part at a time so that a store of a million claims is never in memory
/// at once: the questions' states, each question with its claims, and every claim once, a slot at a time.
public protocol DigestContent {
    var workspace: String { get }
    var run: String? { get }
    /// Every question's state; its claims may be left out (`state(of:)` gives them).
    func questionStates() throws -> [QuestionState]
    /// `question` with its claims.
    func state(of question: QuestionState) throws -> QuestionState
    /// Every live claim once, linked to its questions, a slot (subject, attribute, qualifier) at a time; the
    /// slots in order of subject, then attribute, then qualifier.
    func forEachSlot(_ body: ([Claim]) throws -> Void) throws
    /// The track record of the resolved questions, shown beside each source.
    func judgements() throws -> [Judgement]
}

/// Everything a digest is made from, in memory: a snapshot of the store after resolution. Digests are pure
/// functions of their content, so the same store gives byte-identical output.
public struct DigestInput: DigestContent, Sendable {
    public var workspace: String
    public var run: String?
    public var questions: [QuestionState]
    public var claims: [Claim]
    public var record: [Judgement]

    public init(workspace: String, run: String?, questions: [QuestionState], claims: [Claim], record: [Judgement] = []) {
        self.workspace = workspace
        self.run = run
        self.questions = questions
        self.claims = claims
        self.record = record
    }

    public func questionStates() -> [QuestionState] { questions }

    public func judgements() -> [Judgement] { record }

    public func state(of question: QuestionState) -> QuestionState { question }

    public func forEachSlot(_ body: ([Claim]) throws -> Void) rethrows {
        let slots = Dictionary(grouping: claims) { DigestSlot($0) }
        for slot in slots.keys.sorted() { try body(slots[slot]!) }
    }
}

/// A claim's slot, in the order `DigestContent.forEachSlot` visits them.
public struct DigestSlot: Hashable, Comparable {
    public let subject: String, attribute: String, qualifier: String

    /// A slot as a claim's key reads it: no qualifier and an empty one alike.
    public init(subject: String, attribute: String, qualifier: String?) {
        self.subject = subject
        self.attribute = attribute
        self.qualifier = qualifier ?? ""
    }

    public init(_ claim: Claim) { self.init(subject: claim.subject, attribute: claim.attribute, qualifier: claim.qualifier) }

    public static func < (a: DigestSlot, b: DigestSlot) -> Bool { (a.subject, a.attribute, a.qualifier) < (b.subject, b.attribute, b.qualifier) }
}
