import Foundation

/// The real saved pages beside the repository (`../shared/corpus`, or `$CLAIMTRACK_CORPUS`), for the suites
/// that read them directly; they are never copied into the project.
public enum CorpusFolder {
    public static let url: URL = {
        if let explicit = ProcessInfo.processInfo.environment["CLAIMTRACK_CORPUS"] { return URL(fileURLWithPath: explicit) }
        // Tests/TestSupport/CorpusFolder.swift → the repository's parent folder.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    /// The HTML files directly in `folder`, sorted; none when it is absent.
    public static func htmlFiles(in folder: URL) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "html" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The real HTML pages of one source (`geekbench`, `hackernews`, …); none when the corpus is absent.
    public static func htmlPages(of source: String) -> [URL] {
        htmlFiles(in: url.appendingPathComponent(source))
    }
}
