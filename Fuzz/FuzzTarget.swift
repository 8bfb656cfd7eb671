import Foundation

/// One thing the fuzzer feeds: a name for the command line, the code under test, and where its seeds live.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    /// Repository files and folders (relative to the package root) whose files seed the corpus.
    let seedPaths: [String]
    /// Runs one input through the code under test; must never crash, hang or grow without bound.
    let run: @Sendable (Data) -> Void
}

/// Every fuzz target. One file per input family under Targets/; plugin targets come from the registry,
/// so a new plugin is fuzzed without a line here.
enum FuzzTargets {
    static let all: [FuzzTarget] = [
        htmlTarget, xmlTarget,
    ] + pluginTargets + [
        sourcesListTarget, questionsFileTarget, vocabularyFileTarget, valueTarget, warcTarget,
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// Every regular file at or under `paths` (relative to `root`), sorted.
    static func files(under paths: [String], root: URL) -> [URL] {
        var files: [URL] = []
        for path in paths {
            let url = root.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue { files.append(url); continue }
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey])
            while let file = walker?.nextObject() as? URL {
                if (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(file) }
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
