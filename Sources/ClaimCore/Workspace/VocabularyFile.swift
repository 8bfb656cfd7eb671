import Foundation

/// Reads `Vocabulary.list`, the workspace's additions to the default vocabulary:
///
/// ```
/// subject Studio Server = rack-mount Mac, Mac Studio Server
/// attribute price: msrp, retails for
/// ```
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
                let id = body[..<colon].trimmingCharacters(in: .whitespaces)
                let triggers = body[body.index(after: colon)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
                guard !id.isEmpty, !triggers.isEmpty else {
                    problems.append(.init(file: file, line: number, message: "expected 'attribute ID: trigger, trigger'"))
                    continue
                }
                vocabulary.add(Vocabulary.Attribute(id: id, triggers: triggers))
            } else {
                problems.append(.init(file: file, line: number, message: "expected a line starting 'subject' or 'attribute'"))
            }
        }
        if !problems.isEmpty { throw InputFileError(problems) }
    }
}
