import Foundation
import HTMLKit

/// A folder holding Sources.list, Questions.list, an optional Vocabulary.list, Archive/ and .claimtrack/.
public struct Workspace: Sendable {
    public let root: URL
    /// Where the store is, as the user named it (`--store`, else `CLAIMTRACK_STORE`): a `postgresql://` URL
    /// or a SQLite file; nil for the workspace's own `storeFile`.
    public var store: String?
    /// The archive folder the user named (`--archive`, else `CLAIMTRACK_ARCHIVE`), shared by the machines of a
    /// team; nil for the workspace's own `Archive/`.
    public var sharedArchive: URL?

    public init(root: URL, store: String? = nil, archive: URL? = nil) {
        self.root = root.standardizedFileURL
        self.store = store
        sharedArchive = archive?.standardizedFileURL
    }

    /// `--workspace`, else `CLAIMTRACK_WORKSPACE`, else the current folder; its store `--store`, else
    /// `CLAIMTRACK_STORE`, else its own file; its archive `--archive`, else `CLAIMTRACK_ARCHIVE`, else `Archive/`.
    public static func current(_ explicit: String? = nil, store: String? = nil, archive: String? = nil) -> Workspace {
        let environment = ProcessInfo.processInfo.environment
        func named(_ value: String?, _ variable: String) -> String? { value ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 } }
        let path = explicit ?? environment["CLAIMTRACK_WORKSPACE"] ?? FileManager.default.currentDirectoryPath
        let root = URL(fileURLWithPath: path, isDirectory: true)
        let archive = named(archive, "CLAIMTRACK_ARCHIVE").map { URL(fileURLWithPath: $0, isDirectory: true) }
        return Workspace(root: root, store: named(store, "CLAIMTRACK_STORE"), archive: archive)
    }

    public var sourcesList: URL { root.appendingPathComponent("Sources.list") }
    public var questionsList: URL { root.appendingPathComponent("Questions.list") }
    public var vocabularyList: URL { root.appendingPathComponent("Vocabulary.list") }
    public var archive: URL { sharedArchive ?? root.appendingPathComponent("Archive", isDirectory: true) }
    public var stateFolder: URL { root.appendingPathComponent(".claimtrack", isDirectory: true) }
    public var storeFile: URL { stateFolder.appendingPathComponent("store.sqlite") }
    public var lockFile: URL { stateFolder.appendingPathComponent("lock") }

    /// A stable hash of the files that say what claims mean (Questions.list, Vocabulary.list, as bytes): any
    /// edit to either changes it, so a resolution kept under it is not reused.
    public func definitionsFingerprint() -> String {
        var hash = FNV1a()
        for file in [questionsList, vocabularyList] {
            hash.add((try? Data(contentsOf: file)) ?? Data())
            hash.add([UInt8(0)])
        }
        return String(hash.value, radix: 16)
    }

    /// The run files of the archive (`*.warc.gz`), oldest first: their names sort by their UTC start time.
    public func runFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: archive.path)) ?? []
        return names.filter { $0.hasSuffix(".warc.gz") }.sorted().map { archive.appendingPathComponent($0) }
    }

    /// The default vocabulary with Vocabulary.list applied, plus every subject a question names.
    public func vocabulary() throws -> Vocabulary {
        var vocabulary = try vocabularyWithoutQuestions()
        for question in try questions() {
            for subject in question.subjects { vocabulary.add(Vocabulary.Subject(name: subject)) }
        }
        return vocabulary
    }

    /// The questions of Questions.list's good blocks; none when the file does not exist. A block with a
    /// mistake is left out (`questionProblems` says where).
    public func questions() throws -> [Question] {
        try readQuestions().questions
    }

    /// What is wrong with Questions.list, block by block, each at its file:line.
    public func questionProblems() throws -> [InputFileError.Problem] {
        try readQuestions().problems
    }

    private func readQuestions() throws -> (questions: [Question], problems: [InputFileError.Problem]) {
        guard let contents = try WorkspaceText.read(questionsList) else { return ([], []) }
        return QuestionsFile.read(contents, attributes: try vocabularyWithoutQuestions().attributes.map(\.id))
    }

    private func vocabularyWithoutQuestions() throws -> Vocabulary {
        var vocabulary = Vocabulary.standard
        if let contents = try WorkspaceText.read(vocabularyList) {
            try VocabularyFile.apply(contents, to: &vocabulary)
        }
        return vocabulary
    }
}
