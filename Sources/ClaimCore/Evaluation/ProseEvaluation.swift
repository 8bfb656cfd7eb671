import Foundation

/// The real-prose gold set (`../shared/corpus/prose/GOLD.json`): real article pages with the claims a careful
/// analyst records from their prose, and hard negatives. Its README gives the schema and the annotation rules.
public struct ProseGold: Decodable, Sendable {
    public var pages: [ProsePage]
}

/// One annotated page.
public struct ProsePage: Decodable, Sendable {
    enum CodingKeys: String, CodingKey {
        case file, url, site, published, claims, negatives
        case bodyXPath = "body_xpath"
    }

    /// The page's file, relative to the gold set's folder.
    public var file: String
    public var url: String
    public var site: String
    /// The publication day every relative date on the page is resolved against.
    public var published: String
    /// The element(s) holding the article's prose, for a diagnostic run with the body given.
    public var bodyXPath: String?
    public var claims: [ProseClaim]
    public var negatives: [ProseNegative]
}

/// A gold claim: subject, attribute and the normalised value (number, date window or boolean).
public struct ProseClaim: Decodable, Sendable {
    public var id: String
    public var subject: String
    public var attribute: String
    /// One of claimtrack's built-in attributes (else an extra one declared in the set's Vocabulary.list).
    public var builtin: Bool
    public var qualifier: String?
    public var valueText: String
    public var number: Double?
    public var start: String?
    public var end: String?
    public var boolean: Bool?
    public var label: String
    public var altLabels: [String]?
    public var altAttributes: [String]?
    public var quote: String

    enum CodingKeys: String, CodingKey {
        case id, subject, attribute, builtin, qualifier, number, start, end, boolean, label, quote
        case valueText = "value_text", altLabels = "alt_labels", altAttributes = "alt_attributes"
    }
}

/// A hard negative: a sentence that must not give `subject` this `attribute` (with the named value, when one
/// is named).
public struct ProseNegative: Decodable, Sendable {
    public var subject: String
    public var attribute: String
    public var quote: String
    public var why: String
    public var number: Double?
    public var numbers: [Double]?
    public var start: String?
    public var boolean: Bool?
}

/// Scores of the real-prose set, page by page and in total.
public struct ProseReport: Codable, Sendable {
    /// One page's figures.
    public struct Page: Codable, Sendable {
        public var file: String
        public var plugin: String
        public var goldClaims: Int
        public var produced: Int
        public var metrics: [EvaluationMetric]
        public var negatives: Int
        public var negativesViolated: Int
    }

    /// Which gold claims count: the built-in attributes only, or every attribute.
    public var scope: String
    public var pages: [Page]
    public var metrics: [EvaluationMetric]
    public var negatives: Int
    public var negativesViolated: Int
    /// Each miss, each false claim and each violated negative, with its sentence.
    public var errors: [String]

    public func metric(_ name: String) -> EvaluationMetric? { metrics.first { $0.name == name } }
}

public enum ProseEvaluation {
    /// The three levels, each matching more of a claim: subject + attribute, + value, + label.
    static let levels = ["claim detection", "value normalisation", "confidence label"]

    /// Scores the claims produced for each page (`produced[file]`) against the gold; with `builtinOnly`, gold
    /// claims on extra attributes, and produced claims on attributes no built-in gold claim could match, are
    /// left out (they belong to the other scope).
    public static func evaluate(_ gold: ProseGold, produced: [String: (plugin: String, claims: [Claim])], builtinOnly: Bool,
                                builtinAttributes: Set<String>) -> ProseReport {
        var totals = levels.map(EvaluationMetric.init(name:))
        var pages: [ProseReport.Page] = []
        var errors: [String] = []
        var negatives = 0, violated = 0
        for page in gold.pages {
            let entry = produced[page.file] ?? (plugin: "-", claims: [])
            let goldClaims = page.claims.filter { !builtinOnly || $0.builtin }
            var claims = entry.claims.filter { !builtinOnly || builtinAttributes.contains($0.attribute) }
            // A claim that breaks a hard negative never counts as a match: it stays a false claim.
            var violators: [Claim] = []
            var pageViolations = 0
            let pageNegatives = page.negatives.filter { !builtinOnly || builtinAttributes.contains($0.attribute) }
            for negative in pageNegatives {
                negatives += 1
                let breaking = claims.filter { breaks($0, negative) }
                guard !breaking.isEmpty else { continue }
                pageViolations += 1
                violators += breaking.filter { claim in !violators.contains { $0 == claim } }
                claims.removeAll { claim in breaking.contains { $0 == claim } }
                errors.append("[\(page.file)] negative violated: \(breaking.map(describe).joined(separator: "; "))\n    \(negative.why)\n    \u{201C}\(negative.quote)\u{201D}")
            }
            violated += pageViolations
            var pageMetrics = levels.map(EvaluationMetric.init(name:))
            for (level, name) in levels.enumerated() {
                var (matched, missed, extra) = match(goldClaims, claims, level: level)
                extra += violators
                pageMetrics[level] = EvaluationMetric(name: name, truePositives: matched, falsePositives: extra.count, falseNegatives: missed.count)
                totals[level].truePositives += matched
                totals[level].falsePositives += extra.count
                totals[level].falseNegatives += missed.count
                if level == 2 {
                    for claim in missed {
                        errors.append("[\(page.file)] missed: \(claim.subject) · \(claim.attribute) · \(claim.valueText) · \(claim.label)\n    \u{201C}\(claim.quote)\u{201D}")
                    }
                    for claim in extra where !violators.contains(where: { $0 == claim }) {
                        errors.append("[\(page.file)] false or wrong: \(describe(claim))\n    \u{201C}\(claim.quote)\u{201D}")
                    }
                }
            }
            pages.append(ProseReport.Page(file: page.file, plugin: entry.plugin, goldClaims: goldClaims.count, produced: claims.count + violators.count,
                                          metrics: pageMetrics, negatives: pageNegatives.count, negativesViolated: pageViolations))
        }
        return ProseReport(scope: builtinOnly ? "built-in attributes" : "every attribute", pages: pages, metrics: totals,
                           negatives: negatives, negativesViolated: violated, errors: errors)
    }

    /// One-to-one matching of gold and produced claims at `level` (0: subject + attribute, 1: + value, 2: + label):
    /// the matched count, the gold claims left unmatched and the produced claims left unmatched.
    static func match(_ gold: [ProseClaim], _ produced: [Claim], level: Int) -> (Int, [ProseClaim], [Claim]) {
        var remaining = produced
        var missed: [ProseClaim] = []
        var matched = 0
        for claim in gold {
            if let index = remaining.firstIndex(where: { agrees($0, claim, level: level) }) {
                remaining.remove(at: index)
                matched += 1
            } else {
                missed.append(claim)
            }
        }
        return (matched, missed, remaining)
    }

    /// GOLD.json's matching rule: subject equal (case-insensitive), attribute equal (or an alternative), value:
    /// number within 1%, date windows overlapping, booleans equal; label the gold's or an alternative.
    static func agrees(_ produced: Claim, _ gold: ProseClaim, level: Int) -> Bool {
        guard produced.subject.caseInsensitiveCompare(gold.subject) == .orderedSame,
              produced.attribute == gold.attribute || (gold.altAttributes ?? []).contains(produced.attribute) else { return false }
        if level >= 1 && !valueAgrees(produced.value, number: gold.number, start: gold.start, end: gold.end, boolean: gold.boolean) { return false }
        if level >= 2 && produced.confidence.label.rawValue != gold.label && !(gold.altLabels ?? []).contains(produced.confidence.label.rawValue) {
            return false
        }
        return true
    }

    static func valueAgrees(_ value: Value, number: Double?, start: String?, end: String?, boolean: Bool?) -> Bool {
        if let number {
            guard let produced = value.number else { return false }
            return abs(produced - number) <= abs(number) * 0.01
        }
        if let start {
            guard let window = window(of: value) else { return false }
            return window.start <= (end ?? start) && start <= window.end
        }
        if let boolean { return value.boolean == boolean }
        return true
    }

    /// A date or period value as an inclusive window of ISO days.
    static func window(of value: Value) -> (start: String, end: String)? {
        guard let start = value.start else { return nil }
        return (start, value.end ?? start)
    }

    /// A produced claim breaks a negative when it comes from the negative's sentence, on its subject and
    /// attribute, with the value the negative names (any value, when it names none).
    static func breaks(_ claim: Claim, _ negative: ProseNegative) -> Bool {
        guard claim.subject.caseInsensitiveCompare(negative.subject) == .orderedSame, claim.attribute == negative.attribute,
              sameSentence(claim.quote, negative.quote) else { return false }
        let numbers = (negative.numbers ?? []) + (negative.number.map { [$0] } ?? [])
        if !numbers.isEmpty {
            guard let produced = claim.value.number else { return false }
            return numbers.contains { abs(produced - $0) <= abs($0) * 0.01 }
        }
        if let start = negative.start {
            // A day, a month ("2019-11") or a year ("2019"): the window it names.
            let end = start.count == 4 ? start + "-12-31" : start.count == 7 ? start + "-31" : start
            let first = start.count == 4 ? start + "-01-01" : start.count == 7 ? start + "-01" : start
            guard let window = window(of: claim.value) else { return false }
            return window.start <= end && first <= window.end
        }
        if let boolean = negative.boolean { return claim.value.boolean == boolean }
        return true
    }

    /// Whether two renderings of a sentence are the same sentence: one contains the other once whitespace is
    /// collapsed (a splitter may cut a sentence the annotator kept whole, or the other way round).
    static func sameSentence(_ a: String, _ b: String) -> Bool {
        let x = collapsed(a), y = collapsed(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        return x.contains(y) || y.contains(x)
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func describe(_ claim: Claim) -> String {
        "\(claim.subject) · \(claim.attribute) · \(claim.value.display) · \(claim.confidence.label.rawValue)"
    }

    /// The report as a table: the totals, then page by page.
    public static func table(_ report: ProseReport) -> String {
        var lines = ["scope: \(report.scope); \(report.pages.count) pages, \(report.pages.reduce(0) { $0 + $1.goldClaims }) gold claims, "
                     + "\(report.negatives) hard negatives, \(report.negativesViolated) violated",
                     "metric                 precision  recall     F1   (tp/fp/fn)"]
        for metric in report.metrics {
            lines.append(String(format: "%@ %9.3f %7.3f %6.3f   (%d/%d/%d)", metric.name.padding(toLength: 22, withPad: " ", startingAt: 0),
                                metric.precision, metric.recall, metric.f1, metric.truePositives, metric.falsePositives, metric.falseNegatives))
        }
        lines.append("")
        lines.append("page                                                          plugin        gold  found  detect  value  label  neg.")
        for page in report.pages {
            lines.append(page.file.padding(toLength: 61, withPad: " ", startingAt: 0) + " " + page.plugin.padding(toLength: 12, withPad: " ", startingAt: 0)
                         + String(format: " %5d %6d %7.2f %6.2f %6.2f  %d/%d", page.goldClaims, page.produced,
                                  page.metrics[0].f1, page.metrics[1].f1, page.metrics[2].f1, page.negativesViolated, page.negatives))
        }
        return lines.joined(separator: "\n")
    }
}

extension EvaluationMetric {
    init(name: String, truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        self.init(name: name)
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }
}
