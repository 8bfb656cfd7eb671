import ClaimCore
import Testing

@Suite struct WorkspaceFileTests {
    let attributes = Vocabulary.standard.attributes.map(\.id)

    @Test func readsQuestionBlocks() throws {
        let text = """
        # comment
        [launch]
        text: When?
        subjects: M5 Ultra, Mac Studio
        attribute: release-date

        [price]
        text: How much?
        subjects: Mac Studio
        attribute: price
        qualifier: 256GB upgrade
        answer: $2,000
        cite: https://example.com/a
        """
        let questions = try QuestionsFile.parse(text, attributes: attributes)
        #expect(questions.map(\.id) == ["launch", "price"])
        #expect(questions[0].subjects == ["M5 Ultra", "Mac Studio"])
        #expect(questions[0].location == "Questions.list:2")
        #expect(questions[1].manual?.citation == "https://example.com/a")
    }

    @Test func reportsEveryProblemWithItsLine() {
        let text = """
        [a]
        text: A?
        subjects: Mac Pro
        attribute: colour
        [b]
        subjects: Mac Pro
        bogus line
        [a]
        text: again
        subjects: x
        attribute: price
        answer: 5
        """
        #expect {
            try QuestionsFile.parse(text, attributes: attributes)
        } throws: { error in
            let messages = (error as? InputFileError)?.problems.map(\.description) ?? []
            return messages.count == 5
                && messages.contains { $0.hasPrefix("Questions.list:4: error: question 'a': unknown attribute 'colour'; known: ") }  // at the line at fault
                && messages.contains { $0 == "Questions.list:5: error: question 'b' has no 'text:' line" }
                && messages.contains { $0.hasPrefix("Questions.list:7: error: expected 'key: value'") }
                && messages.contains { $0 == "Questions.list:8: error: question id 'a' is defined twice" }
                && messages.contains { $0.contains("needs a 'cite:' line") }
        }
    }

    @Test func vocabularyFileAddsSubjectsAndAttributes() throws {
        var vocabulary = Vocabulary.standard
        try VocabularyFile.apply("subject Studio Server = rack Mac, StudioServer\nattribute warranty: warranty, applecare\n", to: &vocabulary)
        #expect(vocabulary.mentions(in: "a new rack Mac appears").first?.name == "Studio Server")
        #expect(vocabulary.attribute("warranty")?.triggers == ["warranty", "applecare"])
        #expect(throws: InputFileError.self) { try VocabularyFile.apply("subjekt X\n", to: &vocabulary) }
    }

    @Test func longestAliasWinsAndWordsMustBeWhole() {
        let mentions = Vocabulary.standard.mentions(in: "The M5 Ultra's rival is the M5, not the iPhone 17 Pro Max or AM5.")
        #expect(mentions.map(\.name) == ["M5 Ultra", "M5", "iPhone 17 Pro Max"])
    }
}

@Suite struct QuestionsFileEditingTests {
    @Test func resolvingAddsOrReplacesTheAnswerAndKeepsEverythingElse() throws {
        let text = """
        # my questions
        [a]
        text: A?
        subjects: Mac Pro
        attribute: availability
        answer: old
        cite: https://old.example/

        [b]   # second
        text: B?
        subjects: Mac Studio
        attribute: price
        """
        let once = try #require(QuestionsFile.resolving(text, id: "b", answer: "$2,000", citation: "https://apple.example/"))
        #expect(once.hasPrefix("# my questions\n[a]"))
        #expect(once.hasSuffix("attribute: price\nanswer: $2,000\ncite: https://apple.example/"))
        let twice = try #require(QuestionsFile.resolving(once, id: "a", answer: "no", citation: "https://apple.example/pro"))
        #expect(!twice.contains("answer: old"))
        let parsed = try QuestionsFile.parse(twice, attributes: Vocabulary.standard.attributes.map(\.id))
        #expect(parsed.map { $0.manual?.answer } == ["no", "$2,000"])
        #expect(QuestionsFile.resolving(text, id: "zzz", answer: "x", citation: "https://x/") == nil)
    }

    @Test func aBlockReadsBackAsTheSameQuestion() throws {
        let question = Question(id: "q1", text: "When?", subjects: ["M5 Ultra", "Mac Studio"], attribute: "release-date",
                                qualifier: "base model", resolvedBy: .measured)
        let parsed = try QuestionsFile.parse(QuestionsFile.block(for: question), attributes: Vocabulary.standard.attributes.map(\.id))
        #expect(parsed.first?.subjects == question.subjects)
        #expect(parsed.first?.qualifier == "base model" && parsed.first?.resolvedBy == .measured)
    }
}

@Suite struct ToleranceFileTests {
    @Test func tolerancesAreReadAndChecked() throws {
        var vocabulary = Vocabulary.standard
        try VocabularyFile.apply("tolerance geekbench.multi-core: 8%\n", to: &vocabulary)
        #expect(vocabulary.tolerances["geekbench.multi-core"] == 0.08)
        #expect(throws: InputFileError.self) { try VocabularyFile.apply("tolerance colour: 5%\n", to: &vocabulary) }
        #expect(throws: InputFileError.self) { try VocabularyFile.apply("tolerance price: lots\n", to: &vocabulary) }
    }
}
