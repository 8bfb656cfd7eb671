import Foundation

/// Reads `Vocabulary.list`, the workspace's additions to the default vocabulary:
///
/// ```
/// subject Studio Server = rack-mount Mac, Mac Studio Server
/// attribute price: msrp, retails for
/// attribute weight [quantity kg g lb]: weighs, weighing
/// attribute warranty [text]: warranty
/// tolerance geekbench.multi-core: 8%
/// ```
///
/// A new attribute's kind of value goes in brackets after its id: `number`, `quantity` (with its units, or
/// none for any unit word), `money`, `date` or `text`; without one, a number with whatever unit follows it.
public enum VocabularyFile {
    public static func apply(_ contents: String, file: String = "Vocabulary.list", to vocabulary: inout Vocabulary) throws {
        var problems: [InputFileError.Problem] = []
        for (number, text) in ListFile.lines(contents) {
            if text.hasPrefix("subject ") {
                let body = text.dropFirst("subject ".count)
                let parts = body.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard let name = parts.first, !name.isEmpty else {
                    problems.append(.init(file: file, line: number, message: "expected 'subject NAME = alias, alias'"))
                    continue
                }
                let aliases = parts.count > 1 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
                vocabulary.add(Vocabulary.Subject(name: name, aliases: aliases))
            } else if text.hasPrefix("attribute ") {
                let body = text.dropFirst("attribute ".count)
                guard let colon = body.firstIndex(of: ":") else {
                    problems.append(.init(file: file, line: number, message: "expected 'attribute ID: trigger, trigger'"))
                    continue
                }
                var head = body[..<colon].trimmingCharacters(in: .whitespaces)
                var kind: Vocabulary.ValueKind?
                if let open = head.firstIndex(of: "["), head.hasSuffix("]") {
                    let words = head[head.index(after: open)..<head.index(before: head.endIndex)].split(separator: " ").map { String($0) }
                    switch words.first?.lowercased() {
                    case "number": kind = .number
                    case "quantity": kind = .quantity(units: Array(words.dropFirst()))
                    case "money": kind = .money
                    case "date": kind = .date
                    case "text": kind = .text
                    default:
                        problems.append(.init(file: file, line: number,
                                              message: "unknown kind '\(words.first ?? "")'; known: date, money, number, quantity, text"))
                        continue
                    }
                    head = head[..<open].trimmingCharacters(in: .whitespaces)
                }
                let triggers = body[body.index(after: colon)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
                guard !head.isEmpty, !triggers.isEmpty else {
                    problems.append(.init(file: file, line: number, message: "expected 'attribute ID [KIND]: trigger, trigger'"))
                    continue
                }
                if kind != nil && Vocabulary.builtInAttributeIDs.contains(head) {
                    problems.append(.init(file: file, line: number, message: "'\(head)' is built in: give it more triggers, not a kind"))
                    continue
                }
                vocabulary.add(Vocabulary.Attribute(id: head, triggers: triggers, kind: kind))
            } else if text.hasPrefix("tolerance ") {
                let body = text.dropFirst("tolerance ".count)
                let parts = body.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, parts[1].hasSuffix("%"), let percent = Double(parts[1].dropLast()), percent >= 0, percent < 100 else {
                    problems.append(.init(file: file, line: number, message: "expected 'tolerance ATTRIBUTE: N%'"))
                    continue
                }
                guard vocabulary.attribute(parts[0]) != nil else {
                    problems.append(.init(file: file, line: number, message: "unknown attribute '\(parts[0])'; known: \(vocabulary.attributes.map(\.id).sorted().joined(separator: ", "))"))
                    continue
                }
                vocabulary.tolerances[parts[0]] = percent / 100
            } else {
                problems.append(.init(file: file, line: number, message: "expected a line starting 'subject', 'attribute' or 'tolerance'"))
            }
        }
        if !problems.isEmpty { throw InputFileError(problems) }
    }
}
