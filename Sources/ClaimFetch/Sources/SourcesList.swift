import ClaimCore
import Foundation

/// One line of Sources.list: a plugin id, a start URL and `key=value` options.
public struct SourceEntry: Sendable, Equatable {
    public var plugin: String
    public var url: URL
    public var options: [String: String]
    /// `Sources.list:3`.
    public var location: String

    /// How many links of a listing or feed one run follows (`max=`, default 20).
    public var maxLinks: Int { options["max"].flatMap(Int.init) ?? 20 }

    public init(plugin: String, url: URL, options: [String: String] = [:], location: String) {
        self.plugin = plugin
        self.url = url
        self.options = options
        self.location = location
    }
}

/// Reads Sources.list: `<plugin-id> <url> [key=value ...]`, `#` comments. Bad lines are reported with
/// file:line and the valid alternatives; the good ones are still returned.
public enum SourcesList {
    /// Option keys every source accepts.
    public static let optionKeys = ["max", "name"]

    public static func parse(_ contents: String, file: String = "Sources.list",
                             plugins: [String]) -> (entries: [SourceEntry], problems: [InputFileError.Problem]) {
        var entries: [SourceEntry] = []
        var problems: [InputFileError.Problem] = []
        for (number, text) in ListFile.lines(contents) {
            func problem(_ message: String) { problems.append(.init(file: file, line: number, message: message)) }
            let words: [String] = text.split(whereSeparator: { (character: Character) -> Bool in character == " " || character == "\t" })
                .map { String($0) }
            guard words.count >= 2 else {
                problem("expected '<plugin-id> <url> [key=value ...]'")
                continue
            }
            guard plugins.contains(words[0]) else {
                problem("unknown source '\(words[0])'; known: \(plugins.sorted().joined(separator: ", "))")
                continue
            }
            guard let url = URL(string: words[1]), let scheme = url.scheme?.lowercased(),
                  ["http", "https", "file"].contains(scheme), scheme == "file" || url.host?.isEmpty == false else {
                problem("'\(words[1])' is not an http, https or file URL")
                continue
            }
            var options: [String: String] = [:]
            var bad = false
            for option in words.dropFirst(2) {
                let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2, !pair[0].isEmpty else {
                    problem("option '\(option)' is not key=value")
                    bad = true
                    continue
                }
                if pair[0] == "max", Int(pair[1]).map({ $0 >= 0 }) != true {
                    problem("option max=\(pair[1]) must be a whole number of links")
                    bad = true
                }
                options[pair[0]] = pair[1]
            }
            if !bad { entries.append(SourceEntry(plugin: words[0], url: url, options: options, location: "\(file):\(number)")) }
        }
        return (entries, problems)
    }
}
