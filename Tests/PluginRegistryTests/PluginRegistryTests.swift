import ClaimCore
import Foundation
import PluginRegistry
import Testing

/// Keeps the hand-written registry honest against the Plugins/ folder.
@Suite struct PluginRegistryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func folders(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent(path).path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func everyPluginFolderIsRegistered() throws {
        let registered = PluginRegistry.all.map { String(describing: $0) }.sorted()
        let plugins = try folders("Plugins").filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Plugins/\(name)").path, isDirectory: &isFolder) && isFolder.boolValue
        }
        #expect(plugins == registered)
        // The folder says what it holds and how to add to it.
        #expect(try folders("Plugins").contains("README.md"))
    }

    @Test func idsAndHostsAreUnique() {
        let ids = PluginRegistry.all.map { $0.descriptor.id }
        #expect(Set(ids).count == ids.count)
        let hosts = PluginRegistry.all.flatMap { $0.descriptor.hosts }
        #expect(Set(hosts).count == hosts.count)
    }

    @Test func everyPluginHasFixtures() throws {
        for plugin in PluginRegistry.all {
            let folder = "Tests/\(String(describing: plugin))Tests/Fixtures/\(plugin.descriptor.id)"
            #expect(try !folders(folder).isEmpty, "\(folder) is empty")
        }
    }

    @Test func lookupByIdAndHost() {
        #expect(PluginRegistry.plugin(id: "macrumors") != nil)
        #expect(PluginRegistry.plugin(id: "nope") == nil)
        #expect(PluginRegistry.plugin(host: "WWW.MacRumors.com") != nil)
    }
}
