import ArgumentParser
import ClaimCore
import CommandSupport
import Foundation
import PluginRegistry

/// `source add PLUGIN URL [key=value ...]`: one line more in Sources.list, checked as a fetch would read it.
public struct SourceAdd: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Append a source to Sources.list, checked first (the rest of the file is kept byte for byte).")

    @Argument(help: "The plugin id (\(PluginRegistry.ids.joined(separator: ", "))).", completion: .list(PluginRegistry.ids)) var plugin: String
    @Argument(help: "The start URL: a page, listing or feed (http, https or file).") var url: String
    @Argument(help: "Options as in Sources.list, key=value (e.g. max=10 every=6h).") var options: [String] = []
    @OptionGroup var workspace: WorkspaceOptions

    public func run() throws {
        let space = workspace.resolved
        let existing = try workspace.reporting { try WorkspaceText.read(space.sourcesList) } ?? ""
        let line = ([plugin, url] + options.map(Self.quoted)).joined(separator: " ")
        let updated = WorkspaceFileWriter.appending(line, to: existing)
        let rules = PluginRegistry.sourcesListRules
        // Only what this line adds counts: mistakes already in other lines are not a reason to refuse it.
        let before = Set(SourcesList.parse(existing, plugins: rules).problems.map(\.message))
        let parsed = SourcesList.parse(updated, plugins: rules)
        let added = parsed.problems.filter { !before.contains($0.message) }
        guard added.isEmpty, let entry = parsed.entries.last, entry.location == "Sources.list:\(ListFile.rawLines(updated).count)" else {
            added.forEach { Terminal.warn($0.description) }
            throw ExitCode.failure
        }
        if let twin = parsed.entries.dropLast().first(where: { $0.plugin == entry.plugin && $0.url == entry.url }) {
            throw ValidationError("\(plugin) \(url) is already in \(twin.location)")
        }
        try WorkspaceFileWriter.replace(space.sourcesList, with: updated)
        print("added \(entry.location): \(line)")
    }

    /// A key=value option as Sources.list needs it written: the value quoted when it holds a space or a
    /// quote (in the other kind of quote: `items="//li[@class='story']"`).
    static func quoted(_ option: String) -> String {
        guard let equals = option.firstIndex(of: "=") else { return option }
        let value = option[option.index(after: equals)...]
        guard value.contains(where: { $0.isWhitespace || $0 == "'" || $0 == "\"" }) else { return option }
        let quote = value.contains("\"") ? "'" : "\""
        return "\(option[...equals])\(quote)\(value)\(quote)"
    }
}

/// `source remove URL|LINE`: the Sources.list lines for a start URL, or one line by number, removed.
public struct SourceRemove: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a source from Sources.list by its URL or line number (the rest of the file is kept byte for byte).")

    @Argument(help: "The source's start URL as written in Sources.list, or its line: 7 or Sources.list:7.") var source: String
    @OptionGroup var workspace: WorkspaceOptions

    public func run() throws {
        let space = workspace.resolved
        let existing = try workspace.reporting { try WorkspaceText.read(space.sourcesList) } ?? ""
        var lines = ListFile.rawLines(existing)
        let entries = SourcesList.parse(existing, plugins: PluginRegistry.sourcesListRules).entries
        let numbers: [Int]
        if let number = Int(source.replacingOccurrences(of: "Sources.list:", with: "")) {
            guard number >= 1, number <= lines.count, !ListFile.content(of: lines[number - 1]).isEmpty else {
                throw ValidationError("Sources.list has no source on line \(number)")
            }
            numbers = [number]
        } else {
            numbers = entries.filter { $0.url.absoluteString == source }.compactMap { Int($0.location.split(separator: ":").last ?? "") }
            guard !numbers.isEmpty else {
                let known = entries.map(\.url.absoluteString)
                throw ValidationError("no source in Sources.list starts at \(source)\(known.isEmpty ? "" : Suggestion.hint(for: source, among: known))")
            }
        }
        let removed = numbers.map { "Sources.list:\($0): \(lines[$0 - 1].trimmingCharacters(in: .newlines))" }
        for number in numbers.sorted(by: >) { lines.remove(at: number - 1) }
        try WorkspaceFileWriter.replace(space.sourcesList, with: lines.joined())
        removed.forEach { print("removed \($0)") }
    }
}
