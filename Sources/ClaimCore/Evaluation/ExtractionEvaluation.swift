import Foundation

/// One sentence of the extraction gold set, with the claims a correct reader produces from it.
public struct GoldSentence: Codable, Sendable {
    public var source: String
    public var stated: String
    public var sentence: String
    public var claims: [GoldClaim]
}

/// A claim as the gold set writes it: the value in its normalised display form (`$2,000`, `256 GB`,
/// `2026-06-01…2026-06-30`, `0.333x`, `no`).
public struct GoldClaim: Codable, Sendable, Hashable {
    public var subject: String
    public var attribute: String
    public var qualifier: String?
    public var value: String
    public var label: String
}

/// Precision, recall and F1 of one level of matching.
public struct EvaluationMetric: Codable, Sendable, Equatable {
    public var name: String
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int

    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    enum CodingKeys: String, CodingKey { case name, truePositives, falsePositives, falseNegatives, precision, recall, f1 }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(truePositives, forKey: .truePositives)
        try container.encode(falsePositives, forKey: .falsePositives)
        try container.encode(falseNegatives, forKey: .falseNegatives)
        try container.encode((precision * 1000).rounded() / 1000, forKey: .precision)
        try container.encode((recall * 1000).rounded() / 1000, forKey: .recall)
        try container.encode((f1 * 1000).rounded() / 1000, forKey: .f1)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        truePositives = try container.decode(Int.self, forKey: .truePositives)
        falsePositives = try container.decode(Int.self, forKey: .falsePositives)
        falseNegatives = try container.decode(Int.self, forKey: .falseNegatives)
    }

    init(name: String) {
        self.name = name
        truePositives = 0
        falsePositives = 0
        falseNegatives = 0
    }
}

/// The extractor scored against a gold set: claim detection (subject + attribute), value normalisation
/// (+ value) and confidence label (+ label), each as precision, recall and F1, with every error listed.
public struct EvaluationReport: Codable, Sendable {
    public var sentences: Int
    public var goldClaims: Int
    public var metrics: [EvaluationMetric]
    /// `sentence — missed: …` / `— extra: …`, for whoever improves the extractor.
    public var errors: [String]

    public func metric(_ name: String) -> EvaluationMetric? { metrics.first { $0.name == name } }
}

public enum ExtractionEvaluation {
    /// Reads a gold set: one JSON object per line.
    public static func load(_ contents: String, file: String) throws -> [GoldSentence] {
        var sentences: [GoldSentence] = []
        var problems: [InputFileError.Problem] = []
        for (index, line) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                sentences.append(try JSONDecoder().decode(GoldSentence.self, from: Data(line.utf8)))
            } catch {
                problems.append(.init(file: file, line: index + 1, message: "not a gold sentence: \(error)"))
            }
        }
        if !problems.isEmpty { throw InputFileError(problems) }
        return sentences
    }

    /// Scores `extractor` on `gold`; `priors` gives each source id's prior (unknown sources: reported).
    public static func evaluate(_ gold: [GoldSentence], extractor: ClaimExtractor, priors: [String: Confidence.Label]) -> EvaluationReport {
        // Three levels, each matching more of a claim: subject + attribute, + value, + label.
        var metrics = ["claim detection", "value normalisation", "confidence label"].map(EvaluationMetric.init(name:))
        var errors: [String] = []
        for item in gold {
            let predicted = extractor.claims(in: item.sentence, statedAt: Timestamp.iso8601(item.stated),
                                             prior: priors[item.source] ?? .reported, source: item.source,
                                             isUserReport: priors[item.source] == .userReport)
            let goldFields = item.claims.map { [$0.subject, $0.attribute, $0.value, $0.label] }
            let predictedFields = predicted.map { [$0.subject, $0.attribute, $0.value.display, $0.confidence.label.rawValue] }
            for (level, depth) in [2, 3, 4].enumerated() {
                let (tp, fp, fn, missed, extra) = match(goldFields.map { $0.prefix(depth).joined(separator: " · ") },
                                                        predictedFields.map { $0.prefix(depth).joined(separator: " · ") })
                metrics[level].truePositives += tp
                metrics[level].falsePositives += fp
                metrics[level].falseNegatives += fn
                if depth == 4 && (!missed.isEmpty || !extra.isEmpty) {
                    var line = "[\(item.source)] \(item.sentence)"
                    if !missed.isEmpty { line += "\n    missed: " + missed.joined(separator: "; ") }
                    if !extra.isEmpty { line += "\n    extra:  " + extra.joined(separator: "; ") }
                    errors.append(line)
                }
            }
        }
        return EvaluationReport(sentences: gold.count, goldClaims: gold.reduce(0) { $0 + $1.claims.count },
                                metrics: metrics, errors: errors)
    }

    /// Multiset matching of gold against predicted keys.
    static func match(_ gold: [String], _ predicted: [String]) -> (Int, Int, Int, [String], [String]) {
        var remaining = predicted
        var missed: [String] = []
        for key in gold {
            if let index = remaining.firstIndex(of: key) { remaining.remove(at: index) } else { missed.append(key) }
        }
        let truePositives = gold.count - missed.count
        return (truePositives, remaining.count, missed.count, missed, remaining)
    }

    /// The report as a table.
    public static func table(_ report: EvaluationReport) -> String {
        var lines = ["\(report.sentences) sentences, \(report.goldClaims) gold claims",
                     "metric                 precision  recall     F1   (tp/fp/fn)"]
        for metric in report.metrics {
            lines.append(String(format: "%@ %9.3f %7.3f %6.3f   (%d/%d/%d)", metric.name.padding(toLength: 22, withPad: " ", startingAt: 0),
                                metric.precision, metric.recall, metric.f1, metric.truePositives, metric.falsePositives, metric.falseNegatives))
        }
        return lines.joined(separator: "\n")
    }
}
