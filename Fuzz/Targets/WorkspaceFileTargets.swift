import ClaimCore
import Foundation
import PluginRegistry

/// Sources.list as `fetch` reads it, with every plugin's option checks (XPath included).
let sourcesListTarget = FuzzTarget(
    name: "sources-list",
    summary: "Sources.list parser with every plugin's option rules",
    seedPaths: ["Sources.list", "Fuzz/Seeds/sources-list"],
    run: { data in
        _ = SourcesList.parse(String(decoding: data, as: UTF8.self), plugins: PluginRegistry.sourcesListRules)
    }
)

/// Questions.list, then a resolution written back into it, as `question resolve` does.
let questionsFileTarget = FuzzTarget(
    name: "questions",
    summary: "Questions.list parser and the resolve rewrite",
    seedPaths: ["Questions.list", "Sample/Questions.list"],
    run: { data in
        let contents = String(decoding: data, as: UTF8.self)
        let attributes = Vocabulary.standard.attributes.map { $0.id }
        guard let questions = try? QuestionsFile.parse(contents, attributes: attributes), let first = questions.first else { return }
        if let rewritten = QuestionsFile.resolving(contents, id: first.id, answer: "June 2026", citation: "https://example.com/a") {
            _ = try? QuestionsFile.parse(rewritten, attributes: attributes)
        }
        _ = QuestionsFile.block(for: first)
    }
)

/// Vocabulary.list applied over the built-in vocabulary, then used to find mentions.
let vocabularyFileTarget = FuzzTarget(
    name: "vocabulary",
    summary: "Vocabulary.list parser, then mention lookup with the result",
    seedPaths: ["Fuzz/Seeds/vocabulary"],
    run: { data in
        var vocabulary = Vocabulary.standard
        guard (try? VocabularyFile.apply(String(decoding: data, as: UTF8.self), to: &vocabulary)) != nil else { return }
        _ = vocabulary.mentions(in: "The Studio Server and the Mac Studio with M5 Ultra cost $3,999.")
    }
)
