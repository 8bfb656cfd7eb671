import ClaimCore
import ClaimResolver

/// Everything a digest is made from: a snapshot of the store after resolution. Digests are pure functions
/// of this value, so the same store gives byte-identical output.
public struct DigestInput: Sendable {
    public var workspace: String
    public var run: String?
    public var questions: [QuestionState]
    public var claims: [Claim]

    public init(workspace: String, run: String?, questions: [QuestionState], claims: [Claim]) {
        self.workspace = workspace
        self.run = run
        self.questions = questions
        self.claims = claims
    }
}
