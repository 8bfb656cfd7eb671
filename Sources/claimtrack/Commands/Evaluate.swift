import ArgumentParser
import ClaimCore
import Foundation
import PluginRegistry

extension Claimtrack {
    /// `evaluate`: the extractor scored on a gold set of sentences.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the claim extractor on a gold set: precision, recall and F1 for detection, values and labels.")

        @Option(name: .long, help: "The gold set, one JSON object per line.")
        var gold = "Evaluation/extraction-gold.jsonl"

        @Flag(name: .long, help: "List every sentence where the extractor and the gold set differ.")
        var errors = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            guard let contents = try? String(contentsOfFile: gold, encoding: .utf8) else {
                Terminal.warn("error: \(gold): cannot read the gold set")
                throw ExitCode.failure
            }
            let sentences: [GoldSentence]
            do { sentences = try ExtractionEvaluation.load(contents, file: gold) } catch {
                Terminal.warn("\(error)")
                throw ExitCode.failure
            }
            let priors = Dictionary(uniqueKeysWithValues: PluginRegistry.all.map { ($0.descriptor.id, $0.descriptor.prior) })
            let report = ExtractionEvaluation.evaluate(sentences, extractor: ClaimExtractor(), priors: priors)
            if output.json { return try output.printJSON(report) }
            print(ExtractionEvaluation.table(report))
            if errors { print(""); report.errors.forEach { print($0) } }
        }
    }
}
