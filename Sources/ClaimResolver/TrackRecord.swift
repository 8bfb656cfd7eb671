import ClaimCore
import Foundation

/// How a prediction turned out once its question resolved.
public enum Verdict: String, Codable, Sendable, CaseIterable {
    case right, partly, wrong
}

/// One prediction judged: the last claim a publisher made on a question before the question resolved.
public struct Judgement: Codable, Sendable, Equatable {
    public var question: String
    /// The publisher's name (its site when the page names none), as corroboration counts publishers.
    public var publisher: String
    public var author: String?
    public var label: Confidence.Label
    public var attribute: String
    /// The value the claim gave, as shown.
    public var value: String
    public var verdict: Verdict
    /// Days from the claim to the resolution; nil when either date is unknown (a manual answer has none).
    public var leadDays: Double?
    /// The confidence score the claim carried.
    public var score: Double
    /// How often the publisher changed its mind on the question before this claim (earlier claims of its own
    /// with another value): one prediction, not several.
    public var changes: Int
    public var url: String?

    public init(question: String, publisher: String, author: String?, label: Confidence.Label, attribute: String, value: String,
                verdict: Verdict, leadDays: Double?, score: Double, changes: Int, url: String?) {
        self.question = question
        self.publisher = publisher
        self.author = author
        self.label = label
        self.attribute = attribute
        self.value = value
        self.verdict = verdict
        self.leadDays = leadDays
        self.score = score
        self.changes = changes
        self.url = url
    }
}

/// Scoring the past: every earlier claim on a resolved question judged against its answer, and the judgements
/// summed up by publisher, author, label or attribute with a Wilson interval on the share right.
public enum TrackRecord {
    /// What resolved a question: the answer's value (nil for a manual answer no value could be read from) and
    /// text, and when it was first stated (nil for a manual answer).
    public struct Resolution: Sendable, Equatable {
        public var value: Value?
        public var text: String
        public var resolvedAt: Date?
    }

    /// The answer of a resolved question: its manual answer, or its most preferred decisive claim (official,
    /// or measured where the question is resolved by measurement) first stated at the earliest such claim
    /// giving that value. Nil for a question that is not resolved.
    public static func resolution(of question: Question, _ state: QuestionState) -> Resolution? {
        guard state.status == .resolved else { return nil }
        if let manual = question.manual {
            return Resolution(value: ValueRecognizer(reference: nil).values(in: manual.answer).first?.value, text: manual.answer, resolvedAt: nil)
        }
        let decisiveLabels = Resolver.decisiveLabels(question)
        // A question's claims come best first.
        guard let answer = state.claims.first(where: { decisiveLabels.contains($0.confidence.label) }) else { return nil }
        let firstStated = state.claims.filter { decisiveLabels.contains($0.confidence.label) && $0.value.display == answer.value.display }
            .compactMap(\.statedAt).min()
        return Resolution(value: answer.value, text: answer.value.display, resolvedAt: firstStated)
    }

    /// Every publisher's last claim on `question` stated before it resolved, judged against the answer. Claims
    /// stated with or after the answer are no predictions, nor are the decisive claims themselves, claims on a
    /// value that held only before a change, or claims of a kind the answer cannot be compared with.
    public static func judge(_ question: Question, _ state: QuestionState, tolerances: [String: Double] = [:]) -> [Judgement] {
        guard let resolution = resolution(of: question, state) else { return [] }
        let tolerance = Resolver.defaultTolerances.merging(tolerances) { $1 }[question.attribute] ?? 0
        let decisiveLabels = question.manual != nil ? [] : Resolver.decisiveLabels(question)
        let earlier = state.claims.filter { claim in
            guard !decisiveLabels.contains(claim.confidence.label), !Resolver.isBeforeChange(claim) else { return false }
            guard let resolvedAt = resolution.resolvedAt else { return true }
            guard let stated = claim.statedAt, stated < resolvedAt else { return false }
            // A value said to hold only until a time before the answer came is history, not a prediction of it.
            if let end = claim.validTime?.end, let until = Timestamp.iso8601(end), until < resolvedAt { return false }
            return true
        }
        var judgements: [Judgement] = []
        for (publisher, claims) in Dictionary(grouping: earlier, by: Resolver.independence) {
            // In the order they were said; at one time, the most preferred last.
            let said = claims.sorted { a, b in
                a.statedAt == b.statedAt ? Resolver.prefer(a, b) : (a.statedAt ?? .distantPast) < (b.statedAt ?? .distantPast)
            }
            guard let last = said.last, let verdict = verdict(of: last.value, against: resolution, tolerance: tolerance) else { continue }
            let changes = zip(said, said.dropFirst()).filter { $0.value.display != $1.value.display }.count
            let lead = resolution.resolvedAt.flatMap { resolvedAt in last.statedAt.map { resolvedAt.timeIntervalSince($0) / 86_400 } }
            judgements.append(Judgement(question: question.id, publisher: last.citation?.publisher ?? publisher, author: last.citation?.author,
                                        label: last.confidence.label, attribute: question.attribute, value: last.value.display,
                                        verdict: verdict, leadDays: lead, score: last.confidence.score, changes: changes,
                                        url: last.citation?.url))
        }
        return judgements.sorted { ($0.publisher, $0.url ?? "") < ($1.publisher, $1.url ?? "") }
    }

    /// A value against the answer: a date window holding the answer is right when a month or narrower, partly
    /// right when wider; a number equal to it is right, within the attribute's tolerance (or a range holding
    /// it) partly right; anything else of a comparable kind wrong. Nil when the two cannot be compared.
    public static func verdict(of value: Value, against resolution: Resolution, tolerance: Double) -> Verdict? {
        guard let answer = resolution.value else {
            return value.display.caseInsensitiveCompare(resolution.text) == .orderedSame ? .right : .wrong
        }
        switch (value.type, answer.type) {
        case (.date, _), (.period, _), (_, .date), (_, .period):
            guard let start = value.start, let answerStart = answer.start, let end = value.end ?? value.start,
                  let answerEnd = answer.end ?? answer.start else { return nil }
            if end < answerStart || answerEnd < start { return .wrong }
            if start <= answerStart && answerEnd <= end {
                return days(from: start, to: end).map { $0 <= 31 } ?? false ? .right : .partly
            }
            // The claim names a narrower window than the answer and lies inside it: as right as the answer can tell.
            if answerStart <= start && end <= answerEnd { return .right }
            return .partly
        case (.boolean, .boolean):
            return value.boolean == answer.boolean ? .right : .wrong
        case (.text, .text):
            return value.display.caseInsensitiveCompare(answer.display) == .orderedSame ? .right : .wrong
        default:
            // A bare number ("about 45,000") is read in the answer's unit ("44,180 points"); two units must agree.
            guard let number = value.number, let target = answer.number,
                  value.unit == nil || answer.unit == nil || value.unit == answer.unit,
                  value.currency == nil || answer.currency == nil || value.currency == answer.currency else { return nil }
            if let upper = value.upper, upper != number {
                return number <= target && target <= upper ? .partly : .wrong
            }
            let difference = abs(number - target) / max(abs(number), abs(target), 1e-9)
            return difference < 1e-9 ? .right : difference <= tolerance ? .partly : .wrong
        }
    }

    /// Days from one ISO date to another, both counted.
    static func days(from start: String, to end: String) -> Double? {
        guard let from = Timestamp.iso8601(start), let to = Timestamp.iso8601(end) else { return nil }
        return to.timeIntervalSince(from) / 86_400 + 1
    }

    /// A group of judgements summed up.
    public struct Record: Codable, Sendable, Equatable {
        public var judged = 0, right = 0, partly = 0, wrong = 0
        /// Changes of mind before the judged claims.
        public var changes = 0
        public var medianLeadDays: Double?
        /// The share right and its Wilson 95% interval.
        public var shareRight: Double
        public var low: Double, high: Double

        public init(_ judgements: [Judgement]) {
            judged = judgements.count
            right = judgements.filter { $0.verdict == .right }.count
            partly = judgements.filter { $0.verdict == .partly }.count
            wrong = judgements.filter { $0.verdict == .wrong }.count
            changes = judgements.reduce(0) { $0 + $1.changes }
            medianLeadDays = TrackRecord.median(judgements.compactMap(\.leadDays))
            shareRight = judged == 0 ? 0 : Double(right) / Double(judged)
            (low, high) = TrackRecord.wilson(successes: right, trials: judged)
        }
    }

    /// The judgements grouped by `key` (a group for each key it gives; nil leaves a judgement out), by name.
    public static func records(_ judgements: [Judgement], by key: (Judgement) -> String?) -> [(name: String, record: Record)] {
        var groups: [String: [Judgement]] = [:]
        for judgement in judgements {
            if let name = key(judgement) { groups[name, default: []].append(judgement) }
        }
        return groups.keys.sorted().map { ($0, Record(groups[$0]!)) }
    }

    /// The Wilson score interval at 95% on a share: three right of three is 0.44–1.00, not 1.00.
    public static func wilson(successes: Int, trials: Int, z: Double = 1.96) -> (low: Double, high: Double) {
        guard trials > 0 else { return (0, 1) }
        let n = Double(trials), share = Double(successes) / n, zz = z * z
        let centre = (share + zz / (2 * n)) / (1 + zz / n)
        let half = z / (1 + zz / n) * ((share * (1 - share) / n + zz / (4 * n * n)).squareRoot())
        return (max(0, centre - half), min(1, centre + half))
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// One confidence label's stated confidence beside how its claims turned out.
    public struct Calibration: Codable, Sendable, Equatable {
        public var label: Confidence.Label
        public var judged: Int
        /// The mean confidence score the judged claims carried.
        public var stated: Double
        /// The share that came true, a partly right claim counting half, with the Wilson interval on right alone.
        public var cameTrue: Double
        public var low: Double, high: Double
    }

    /// Each label's calibration, in the order of `Confidence.Label.allCases`, for the labels with judged claims.
    public static func calibration(_ judgements: [Judgement]) -> [Calibration] {
        Confidence.Label.allCases.compactMap { label in
            let judged = judgements.filter { $0.label == label }
            guard !judged.isEmpty else { return nil }
            let record = Record(judged)
            return Calibration(label: label, judged: judged.count, stated: judged.reduce(0) { $0 + $1.score } / Double(judged.count),
                               cameTrue: (Double(record.right) + Double(record.partly) / 2) / Double(judged.count),
                               low: record.low, high: record.high)
        }
    }

    /// What the track record teaches: a publisher with at least `threshold` judged claims on an attribute has
    /// the confidence of its claims on unresolved questions about that attribute drawn toward how often it was
    /// right (a partly right claim counting half), weighted as `priorWeight` claims against its record; below
    /// the threshold nothing changes. The claim's reasons say so.
    public struct Learning: Sendable {
        /// Judged claims a publisher needs on an attribute before its record moves a confidence.
        public static let threshold = 5
        /// How many judged claims the stated confidence counts as, against the record.
        public static let priorWeight = 5.0

        /// Records by publisher and attribute, for those at or over the threshold.
        let records: [String: Record]

        public init(_ judgements: [Judgement]) {
            var groups: [String: [Judgement]] = [:]
            for judgement in judgements { groups[Self.key(judgement.publisher, judgement.attribute), default: []].append(judgement) }
            records = groups.filter { $0.value.count >= Self.threshold }.mapValues(Record.init)
        }

        static func key(_ publisher: String, _ attribute: String) -> String { publisher + "\u{1F}" + attribute }

        /// Whether any publisher's record is long enough to weigh a claim.
        public var isEmpty: Bool { records.isEmpty }

        /// `claims` with the confidence of each whose publisher has a record on its attribute drawn toward it.
        public func weighed(_ claims: [Claim]) -> [Claim] {
            guard !records.isEmpty else { return claims }
            return claims.map(weighed)
        }

        func weighed(_ claim: Claim) -> Claim {
            let publisher = claim.citation?.publisher ?? Resolver.independence(claim)
            guard let record = records[Self.key(publisher, claim.attribute)] else { return claim }
            let cameTrue = (Double(record.right) + Double(record.partly) / 2) / Double(record.judged)
            let prior = Self.priorWeight, judged = Double(record.judged)
            var weighed = claim
            weighed.confidence.score = min(0.99, max(0.01, ((prior * claim.confidence.score + judged * cameTrue) / (prior + judged) * 100).rounded() / 100))
            let partly = record.partly > 0 ? ", \(record.partly) partly" : ""
            weighed.confidence.reasons.append("track record: \(publisher) was right on \(record.right) of \(record.judged) \(claim.attribute) claims"
                + "\(partly) (\(String(format: "%.2f", claim.confidence.score)) → \(String(format: "%.2f", weighed.confidence.score)))")
            return weighed
        }
    }
}
