import ArgumentParser
import ClaimCore
import CommandSupport
import Foundation
import PluginRegistry

/// `sources`: the plugins and the Sources.list entries.
public struct Sources: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(abstract: "List the plugins and the workspace's Sources.list entries.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    struct PluginInfo: Encodable {
        let id: String
        let name: String
        let hosts: [String]
        let kinds: [String]
        let prior: String
        let options: [String]
    }

    struct EntryInfo: Encodable {
        let source: String
        let url: String
        let options: [String: String]
        let location: String
    }

    struct Listing: Encodable {
        let plugins: [PluginInfo]
        let entries: [EntryInfo]
        let problems: [String]
    }

    public func run() throws {
        let plugins = PluginRegistry.all.map { plugin in
            let d = plugin.descriptor
            return PluginInfo(id: d.id, name: d.name, hosts: d.hosts, kinds: d.kinds.map(\.rawValue), prior: d.prior.rawValue,
                              options: (SourcesList.commonOptions + d.options).sorted())
        }.sorted { $0.id < $1.id }
        let contents = try workspace.reporting { try WorkspaceText.read(workspace.resolved.sourcesList) } ?? ""
        let parsed = SourcesList.parse(contents, plugins: PluginRegistry.sourcesListRules)
        let entries = parsed.entries.map { EntryInfo(source: $0.plugin, url: $0.url.absoluteString, options: $0.options, location: $0.location) }
        if output.json {
            try output.printJSON(Listing(plugins: plugins, entries: entries, problems: parsed.problems.map(\.description)))
        } else {
            print(Terminal.bold("plugins"))
            for plugin in plugins {
                let hosts = plugin.hosts.isEmpty ? "any site" : plugin.hosts.joined(separator: " ")
                print("  \(plugin.id.padding(toLength: 13, withPad: " ", startingAt: 0)) \(plugin.name) — \(plugin.kinds.joined(separator: ", ")) — \(hosts)")
                print(Terminal.dim("                options: \(plugin.options.joined(separator: ", ")); prior: \(plugin.prior)"))
            }
            print(Terminal.bold("Sources.list"))
            for entry in entries {
                let options = entry.options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                print("  \(entry.location.padding(toLength: 16, withPad: " ", startingAt: 0)) \(entry.source) \(entry.url) \(options)")
            }
            if entries.isEmpty { print("  (no entries)") }
        }
        parsed.problems.forEach { Terminal.warn($0.description) }
        if !parsed.problems.isEmpty { throw ExitCode.failure }
    }
}
