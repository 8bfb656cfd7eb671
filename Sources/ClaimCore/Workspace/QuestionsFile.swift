import Foundation

/// Reads `Questions.list`: one block per question, opened by `[id]`, then `key: value` lines.
///
/// ```
/// [m5-ultra-launch]
/// text: When will M5 Ultra hardware ship?
/// subjects: M5 Ultra, Mac Studio
/// attribute: release-date
/// qualifier: 256GB upgrade        # optional
/// resolved-by: official           # official (default), measured or manual
/// answer: June 2026               # optional manual resolution …
/// cite: https://example.com/post  # … with its citation
/// ```
public enum QuestionsFile {
    static let keys = ["text", "subjects", "attribute", "qualifier", "resolved-by", "answer", "cite"]

    /// The questions in `contents`, or every problem found, each with file:line.
    public static func parse(_ contents: String, file: String = "Questions.list", attributes: [String]) throws -> [Question] {
        let read = read(contents, file: file, attributes: attributes)
        if !read.problems.isEmpty { throw InputFileError(read.problems) }
        return read.questions
    }

    /// The questions of every good block, and a problem (at the line at fault, with a suggestion where a word
    /// is close to a known one) for each block that is not: one mistake costs its own question, not the file.
    public static func read(_ contents: String, file: String = "Questions.list",
                            attributes: [String]) -> (questions: [Question], problems: [InputFileError.Problem]) {
        var questions: [Question] = []
        var problems: [InputFileError.Problem] = []
        var fields: [String: (value: String, line: Int)] = [:]
        var current: (id: String, line: Int, bad: Bool)?
        var seen = Set<String>()

        func close() {
            guard let (id, line, bad) = current else { return }
            defer { fields = [:] }
            func problem(_ message: String, at number: Int = line) { problems.append(.init(file: file, line: number, message: message)) }
            guard let text = fields["text"]?.value else { return problem("question '\(id)' has no 'text:' line") }
            let subjects = (fields["subjects"]?.value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !subjects.isEmpty else { return problem("question '\(id)' has no 'subjects:' line") }
            guard let (attribute, attributeLine) = fields["attribute"] else { return problem("question '\(id)' has no 'attribute:' line") }
            guard attributes.contains(attribute) else {
                return problem("question '\(id)': unknown attribute '\(attribute)'\(Suggestion.hint(for: attribute, among: attributes))", at: attributeLine)
            }
            let resolvedBy: Question.Resolution
            if let (written, writtenLine) = fields["resolved-by"] {
                guard let parsed = Question.Resolution(rawValue: written) else {
                    let known = Question.Resolution.allCases.map(\.rawValue)
                    return problem("question '\(id)': unknown resolved-by '\(written)'\(Suggestion.hint(for: written, among: known))", at: writtenLine)
                }
                resolvedBy = parsed
            } else {
                resolvedBy = .official
            }
            var manual: Question.ManualAnswer?
            switch (fields["answer"], fields["cite"]) {
            case let (answer?, cite?): manual = .init(answer: answer.value, citation: cite.value)
            case (.some(let answer), nil): return problem("question '\(id)': a manual 'answer:' needs a 'cite:' line with its source", at: answer.line)
            case (nil, .some(let cite)): return problem("question '\(id)': 'cite:' without an 'answer:'", at: cite.line)
            case (nil, nil): break
            }
            // A block with a bad line of its own (an unknown key, a bad id) is reported there and not used.
            guard !bad else { return }
            questions.append(Question(id: id, text: text, subjects: subjects, attribute: attribute,
                                      qualifier: fields["qualifier"]?.value, resolvedBy: resolvedBy, manual: manual,
                                      location: "\(file):\(line)"))
        }

        for (number, text) in ListFile.lines(contents) {
            if text.hasPrefix("[") {
                close()
                guard text.hasSuffix("]"), text.count > 2 else {
                    problems.append(.init(file: file, line: number, message: "expected '[question-id]'"))
                    current = nil
                    continue
                }
                let id = String(text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                var bad = false
                if !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) {
                    problems.append(.init(file: file, line: number, message: "question id '\(id)' may hold only letters, digits, '-', '_' and '.'"))
                    bad = true
                }
                if !seen.insert(id).inserted {
                    problems.append(.init(file: file, line: number, message: "question id '\(id)' is defined twice"))
                    bad = true
                }
                current = (id, number, bad)
                continue
            }
            guard current != nil else {
                problems.append(.init(file: file, line: number, message: "expected '[question-id]' before '\(text)'"))
                continue
            }
            guard let colon = text.firstIndex(of: ":") else {
                problems.append(.init(file: file, line: number, message: "expected 'key: value'; keys: \(keys.joined(separator: ", "))"))
                current?.bad = true
                continue
            }
            let key = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else {
                problems.append(.init(file: file, line: number, message: "unknown key '\(key)'\(Suggestion.hint(for: key, among: keys))"))
                current?.bad = true
                continue
            }
            fields[key] = (value, number)
        }
        close()
        return (questions, problems.sorted { $0.line < $1.line })
    }
}

extension QuestionsFile {
    /// The block for a new question, in the file's format.
    public static func block(for question: Question) -> String {
        var lines = ["[\(question.id)]", "text: \(question.text)", "subjects: \(question.subjects.joined(separator: ", "))",
                     "attribute: \(question.attribute)"]
        if let qualifier = question.qualifier { lines.append("qualifier: \(qualifier)") }
        if question.resolvedBy != .official { lines.append("resolved-by: \(question.resolvedBy.rawValue)") }
        if let manual = question.manual { lines += ["answer: \(manual.answer)", "cite: \(manual.citation)"] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `contents` with the manual answer of question `id` set (replacing any earlier one), everything else
    /// — comments, order, other questions — kept as written.
    public static func resolving(_ contents: String, id: String, answer: String, citation: String) -> String? {
        var lines = ListFile.rawLines(contents).map(String.init)
        guard let header = lines.firstIndex(where: { ListFile.content(of: $0) == "[\(id)]" }) else { return nil }
        var end = header + 1
        while end < lines.count, !ListFile.content(of: lines[end]).hasPrefix("[") { end += 1 }
        // Drop an earlier manual answer, then write the new one after the block's last non-blank line, with
        // the file's own line breaks.
        let lineBreak = lines[header].hasSuffix("\r\n") ? "\r\n" : "\n"
        var block = [lines[header]] + lines[(header + 1)..<end].filter {
            let key = ListFile.content(of: $0).lowercased()
            return !key.hasPrefix("answer:") && !key.hasPrefix("cite:")
        }
        let last = block.lastIndex { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } ?? 0
        if block[last].last.map(ListFile.isLineBreak) != true { block[last] += lineBreak }
        block.insert(contentsOf: ["answer: \(answer)" + lineBreak, "cite: \(citation)" + lineBreak], at: last + 1)
        lines.replaceSubrange(header..<end, with: block)
        var result = lines.joined()
        // A file that ended without a line break still does.
        if end == ListFile.rawLines(contents).count, contents.last.map(ListFile.isLineBreak) == false { result.removeLast() }
        return result
    }
}
