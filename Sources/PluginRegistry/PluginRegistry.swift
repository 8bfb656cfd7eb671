import ClaimCore
import GeekbenchSource
import GenericSource
import HackerNewsSource
import MacRumorsSource
import NineToFiveMacSource
import TomsHardwareSource

/// Every source plugin, by hand. A test checks that each folder under Plugins/ is listed here and that
/// ids and hosts are unique.
public enum PluginRegistry {
    public static let all: [any SourcePlugin.Type] = [
        MacRumorsSource.self,
        NineToFiveMacSource.self,
        TomsHardwareSource.self,
        HackerNewsSource.self,
        GeekbenchSource.self,
        GenericSource.self,
    ]

    /// The plugin with this id.
    public static func plugin(id: String) -> (any SourcePlugin)? {
        all.first { $0.descriptor.id == id }.map { $0.init() }
    }

    /// Known ids, sorted, for error messages.
    public static var ids: [String] { all.map { $0.descriptor.id }.sorted() }

    /// The plugin that reads pages of this host, if any.
    public static func plugin(host: String) -> (any SourcePlugin)? {
        all.first { $0.descriptor.hosts.contains(host.lowercased()) }.map { $0.init() }
    }
}

extension PluginRegistry {
    /// Every plugin's Sources.list rules, for the parser.
    public static var sourcesListRules: [String: SourcesList.PluginRules] {
        Dictionary(uniqueKeysWithValues: all.map { plugin in
            (plugin.descriptor.id, SourcesList.PluginRules(options: plugin.descriptor.options, check: { plugin.problems(with: $0) }))
        })
    }
}
