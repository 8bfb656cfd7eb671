import ClaimCore
import Foundation

/// Where a question stands.
public enum QuestionStatus: String, Codable, Sendable, Comparable {
    case open, evidence, contested, resolved, ambiguous

    /// Order for listings: the most pressing first.
    var rank: Int {
        switch self {
        case .contested: 0
        case .ambiguous: 1
        case .evidence: 2
        case .open: 3
        case .resolved: 4
        }
    }

    public static func < (lhs: QuestionStatus, rhs: QuestionStatus) -> Bool { lhs.rank < rhs.rank }
}

/// Two live claims that cannot both hold, the one preferred, and why.
public struct Contradiction: Codable, Sendable, Equatable {
    public var claims: [Claim]
    public var preferred: Int
    public var reason: String
}

/// A question with its linked claims, status, best answer and contradictions.
public struct QuestionState: Codable, Sendable {
    public var id: String
    public var text: String
    public var status: QuestionStatus
    public var subjects: [String]
    public var attribute: String
    public var qualifier: String?
    /// The preferred claim's value, or the manual answer.
    public var answer: String?
    public var confidence: Confidence?
    /// How many different publishers back the linked claims.
    public var independentSources: Int
    /// The range of values claimed (`$1,600 – $2,000`, `2026-06-01 – 2026-12-31`), when they differ.
    public var spread: String?
    public var claims: [Claim]
    public var contradictions: [Contradiction]
    /// Sentences saying the answer is not known yet: evidence that the question is still open.
    public var unknowns: [StatedUnknown] = []
    /// The answer written in Questions.list, with the URL it cites; it settles the question.
    public var manual: Question.ManualAnswer?

    public init(id: String, text: String, status: QuestionStatus, subjects: [String], attribute: String, qualifier: String?,
                answer: String?, confidence: Confidence?, independentSources: Int, spread: String?, claims: [Claim],
                contradictions: [Contradiction]) {
        self.id = id
        self.text = text
        self.status = status
        self.subjects = subjects
        self.attribute = attribute
        self.qualifier = qualifier
        self.answer = answer
        self.confidence = confidence
        self.independentSources = independentSources
        self.spread = spread
        self.claims = claims
        self.contradictions = contradictions
    }
}

/// Pure: claims + questions → links, statuses, contradictions.
public enum Resolver {
    /// Numbers within this relative difference agree (benchmark scores vary run to run); Vocabulary.list
    /// can set others.
    public static let defaultTolerances: [String: Double] = [
        "geekbench.single-core": 0.05, "geekbench.multi-core": 0.05, "geekbench.metal": 0.05, "geekbench.opencl": 0.05,
        "geekbench.vulkan": 0.05, "performance.relative": 0.15,
    ]

    /// Links claims to questions (filling `Claim.questions`) and works out every question's state. A caller
    /// resolving a few questions at a time passes what needs all of them: `linkingTo`, every question (a
    /// claim lists each it bears on), `names` (`publisherNames` of every claim), which names publishers in
    /// corroboration reasons, and `learning`, the track record of every resolved question, by which the claims
    /// of unresolved questions are weighed (`TrackRecord.Learning`); without it the track record is judged
    /// from the questions resolved here.
    public static func resolve(questions: [Question], claims: [Claim], unknowns: [StatedUnknown] = [], tolerances: [String: Double] = [:],
                               names: [String: String]? = nil, linkingTo all: [Question]? = nil,
                               learning given: TrackRecord.Learning? = nil) -> (claims: [Claim], questions: [QuestionState]) {
        let linked = link(corroborated(claims, names: names), to: all ?? questions)
        var claimsByQuestion: [String: [Claim]] = [:]
        for claim in linked {
            for id in claim.questions { claimsByQuestion[id, default: []].append(claim) }
        }
        var states = questions.map { question in
            var state = state(of: question, claims: claimsByQuestion[question.id] ?? [], tolerances: tolerances)
            state.unknowns = unknowns.filter { $0.concerns(question) }
            return state
        }
        let learning = given ?? TrackRecord.Learning(zip(questions, states).flatMap { TrackRecord.judge($0, $1, tolerances: tolerances) })
        for (index, question) in questions.enumerated() where states[index].status != .resolved {
            let weighed = learning.weighed(states[index].claims)
            guard weighed != states[index].claims else { continue }
            let unknowns = states[index].unknowns
            states[index] = state(of: question, claims: weighed, tolerances: tolerances)
            states[index].unknowns = unknowns
        }
        return (linked, states)
    }

    /// Fills each claim's `questions` with the ids of the questions it bears on, in Questions.list order.
    /// Questions are indexed by subject, attribute and qualifier: comparing every claim with every question
    /// made 22,000 claims on 1,000 questions take ten seconds.
    public static func link(_ claims: [Claim], to questions: [Question]) -> [Claim] {
        // A question with a qualifier is found under its exact slot, one without under its subject and attribute.
        var exact: [String: [Int]] = [:], anyQualifier: [String: [Int]] = [:]
        for (position, question) in questions.enumerated() {
            for subject in Set(question.subjects) {
                let slot = subject + "\u{1F}" + question.attribute
                if let qualifier = question.qualifier {
                    exact[slot + "\u{1F}" + qualifier, default: []].append(position)
                } else {
                    anyQualifier[slot, default: []].append(position)
                }
            }
        }
        return claims.map { claim in
            var linked = claim
            let slot = claim.subject + "\u{1F}" + claim.attribute
            let found = (anyQualifier[slot] ?? []) + (claim.qualifier.flatMap { exact[slot + "\u{1F}" + $0] } ?? [])
            linked.questions = found.sorted().map { questions[$0].id }
            return linked
        }
    }

    /// Claims that other publishers also state (same subject, attribute, qualifier and value) gain score,
    /// with the reason listed. Publishers are told apart by the site of the citation (its registrable
    /// domain), never by URL or by the name a page gives itself: five pages of one site, or a page naming
    /// itself after another publisher, are one source. Repeats by one publisher (syndication, updates) count once.
    public static func corroborated(_ claims: [Claim], names given: [String: String]? = nil) -> [Claim] {
        let names = given ?? publisherNames(claims.compactMap(\.citation))
        let agreeing = Dictionary(grouping: claims) { $0.key + "\u{1F}" + $0.value.display }.mapValues { Set($0.map(independence)) }
        return claims.map { claim in
            let others = (agreeing[claim.key + "\u{1F}" + claim.value.display] ?? []).subtracting([independence(claim)])
            guard !others.isEmpty else { return claim }
            var boosted = claim
            boosted.confidence.score = min(0.99, ((claim.confidence.score + 0.05 * Double(others.count)) * 100).rounded() / 100)
            let named = others.map { names[$0] ?? $0 }.sorted()
            boosted.confidence.reasons.append("corroborated by \(others.count) independent source\(others.count == 1 ? "" : "s"): \(named.joined(separator: ", "))")
            return boosted
        }
    }

    /// How each publisher (by `independence`) is named in reasons: as the first of `citations` from it names
    /// itself, else by its site. Pass the citations of every claim, in claim order.
    public static func publisherNames(_ citations: [Citation]) -> [String: String] {
        var names: [String: String] = [:]
        for citation in citations {
            let key = independence(citation)
            if names[key] == nil { names[key] = citation.publisher ?? key }
        }
        return names
    }

    /// Which publisher a claim counts for: its citation's site, else (a page with no site) the name it gives.
    static func independence(_ claim: Claim) -> String {
        claim.citation.map(independence) ?? ""
    }

    static func independence(_ citation: Citation) -> String {
        Links.publisher(citation.url) ?? citation.publisher ?? citation.url
    }

    static func state(of question: Question, claims: [Claim], tolerances: [String: Double]) -> QuestionState {
        let contradictions = Self.contradictions(among: claims, tolerances: tolerances)
        let best = claims.max(by: prefer)
        let decisiveLabels = Self.decisiveLabels(question)
        let decisive = claims.filter { decisiveLabels.contains($0.confidence.label) }
        let decisiveConflict = contradictions.contains { pair in pair.claims.allSatisfy { decisiveLabels.contains($0.confidence.label) } }
        let status: QuestionStatus
        if question.manual != nil {
            status = .resolved
        } else if claims.isEmpty {
            status = .open
        } else if decisiveConflict {
            status = .ambiguous
        } else if !decisive.isEmpty && question.resolvedBy != .manual {
            status = .resolved
        } else if !contradictions.isEmpty {
            status = .contested
        } else {
            status = .evidence
        }
        let publishers = Set(claims.map(independence))
        // A manual answer is the answer, with its own citation; no claim's confidence stands beside it.
        var state = QuestionState(id: question.id, text: question.text, status: status, subjects: question.subjects,
                                  attribute: question.attribute, qualifier: question.qualifier,
                                  answer: question.manual?.answer ?? best.map(describe),
                                  confidence: question.manual == nil ? best?.confidence : nil,
                                  independentSources: publishers.count, spread: spread(of: claims),
                                  claims: claims.sorted(by: { prefer($1, $0) }), contradictions: contradictions)
        state.manual = question.manual
        return state
    }

    /// The labels of the claims that resolve `question`: official ones, and measured ones where a measurement
    /// resolves it.
    public static func decisiveLabels(_ question: Question) -> Set<Confidence.Label> {
        question.resolvedBy == .measured ? [.official, .measured] : [.official]
    }

    /// Lowest to highest value (or earliest to latest window) among the claims, nil when they all agree.
    static func spread(of claims: [Claim]) -> String? {
        let numbers = claims.compactMap { claim in claim.value.number.map { ($0, claim.value.display) } }.sorted { $0.0 < $1.0 }
        if let low = numbers.first, let high = numbers.last, low.0 != high.0 { return "\(low.1) – \(high.1)" }
        let starts = claims.compactMap(\.value.start).sorted(), ends = claims.compactMap { $0.value.end ?? $0.value.start }.sorted()
        if let start = starts.first, let end = ends.last, Set(claims.map(\.value.display)).count > 1 { return "\(start) – \(end)" }
        return nil
    }

    /// The value and its time, as one line.
    public static func describe(_ claim: Claim) -> String {
        let value = claim.value
        if (value.type == .date || value.type == .period) && value.text != value.display {
            return "\(value.text) (\(value.display))"
        }
        return value.display + (claim.validTime.map { " (\($0.text))" } ?? "")
    }

    /// Whether `a` is less preferred than `b`: official > measured > reported > …; then newer; then better
    /// corroborated (a higher score).
    static func prefer(_ a: Claim, _ b: Claim) -> Bool {
        if a.confidence.label.rank != b.confidence.label.rank { return a.confidence.label.rank < b.confidence.label.rank }
        if a.statedAt != b.statedAt { return (a.statedAt ?? .distantPast) < (b.statedAt ?? .distantPast) }
        return a.confidence.score < b.confidence.score
    }

    /// Every pair of claims on the same subject, attribute and qualifier that cannot both hold.
    /// One contradiction per pair of values that cannot both hold: when many sources repeat "June" and
    /// many say "autumn", that is one disagreement, shown with the most preferred claim on each side.
    public static func contradictions(among claims: [Claim], tolerances: [String: Double] = [:]) -> [Contradiction] {
        let tolerances = defaultTolerances.merging(tolerances) { $1 }
        var found: [Contradiction] = []
        let groups = Dictionary(grouping: claims, by: \.key)
        for key in groups.keys.sorted() {
            // Claims saying the same value, best first, so the first conflicting pair found is the one to show.
            let byValue = Dictionary(grouping: groups[key]!, by: \.value.display)
                .mapValues { $0.sorted { prefer($1, $0) } }
            let values = byValue.keys.sorted()
            for (i, first) in values.enumerated() {
                for second in values[(i + 1)...] {
                    search: for a in byValue[first]! {
                        for b in byValue[second]! {
                            // A page cannot contradict itself; a newer capture of it supersedes the older one.
                            if a.citation?.url == b.citation?.url { continue }
                            guard let reason = conflict(a, b, tolerance: tolerances[a.attribute] ?? 0) else { continue }
                            found.append(contradiction(a, b, reason))
                            break search
                        }
                    }
                }
            }
        }
        return found
    }

    private static func contradiction(_ a: Claim, _ b: Claim, _ reason: String) -> Contradiction {
        let preferred = prefer(a, b) ? 1 : 0
        let winner = preferred == 0 ? a : b
        let loser = preferred == 0 ? b : a
        let why = winner.confidence.label != loser.confidence.label
            ? "\(winner.confidence.label.rawValue) outranks \(loser.confidence.label.rawValue)"
            : "newer statement"
        return Contradiction(claims: [a, b], preferred: preferred, reason: "\(reason); preferred: \(why)")
    }

    /// Why two claims about the same thing cannot both hold, or nil when they can.
    static func conflict(_ a: Claim, _ b: Claim, tolerance: Double) -> String? {
        // The value before a change ("up from $1,600") is history: its end is only an upper bound, so it never
        // contradicts a current value. Two sources can still disagree about the old value, or the new one.
        if isBeforeChange(a) != isBeforeChange(b) { return nil }
        switch (a.value.type, b.value.type) {
        case (.date, _), (.period, _), (_, .date), (_, .period):
            guard let aStart = a.value.start, let aEnd = a.value.end ?? a.value.start,
                  let bStart = b.value.start, let bEnd = b.value.end ?? b.value.start else { return nil }
            return aEnd < bStart || bEnd < aStart ? "date windows \(aStart)…\(aEnd) and \(bStart)…\(bEnd) do not overlap" : nil
        case (.boolean, .boolean):
            guard overlap(a.validTime, b.validTime, a, b) else { return nil }
            return a.value.boolean != b.value.boolean ? "one says yes, the other no" : nil
        default:
            guard let x = a.value.number, let y = b.value.number, a.value.unit == b.value.unit, overlap(a.validTime, b.validTime, a, b)
            else { return nil }
            // Ranges agree with anything they overlap.
            if a.value.upper != nil || b.value.upper != nil {
                let (aLow, aHigh) = (x, a.value.upper ?? x), (bLow, bHigh) = (y, b.value.upper ?? y)
                let slack = tolerance * max(aHigh, bHigh)
                return aHigh + slack < bLow || bHigh + slack < aLow ? "\(a.value.display) and \(b.value.display) do not overlap" : nil
            }
            let difference = abs(x - y) / max(abs(x), abs(y), 1e-9)
            return difference > tolerance ? "\(a.value.display) and \(b.value.display) differ by more than \(Int(tolerance * 100))%" : nil
        }
    }

    /// "$1,600" in "from $1,600 to $2,000": valid up to a change.
    static func isBeforeChange(_ claim: Claim) -> Bool {
        claim.validTime.map { $0.start == nil && $0.end != nil } ?? false
    }

    /// Whether two claims speak of the same time. With no valid time a claim speaks of the week it was stated.
    static func overlap(_ x: ValidTime?, _ y: ValidTime?, _ a: Claim, _ b: Claim) -> Bool {
        // In days since 1970; computed, not formatted, because this runs for every pair of claims.
        func window(_ time: ValidTime?, _ claim: Claim) -> (Double, Double) {
            let stated = (claim.statedAt ?? claim.citation?.retrieved).map { ($0.timeIntervalSince1970 / 86_400).rounded(.down) }
            guard let time else { return (stated ?? -.infinity, stated.map { $0 + 7 } ?? .infinity) }
            return (time.start.flatMap(day) ?? -.infinity, time.end.flatMap(day) ?? .infinity)
        }
        let (aStart, aEnd) = window(x, a)
        let (bStart, bEnd) = window(y, b)
        return !(aEnd < bStart || bEnd < aStart)
    }

    /// Days since 1970 of an ISO day (`2026-03-01`).
    static func day(_ iso: String) -> Double? {
        Timestamp.iso8601(String(iso.prefix(10))).map { $0.timeIntervalSince1970 / 86_400 }
    }
}
