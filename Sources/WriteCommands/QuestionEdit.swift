import ArgumentParser
import ClaimCore
import ClaimPipeline
import ClaimStore
import CommandSupport
import Foundation

/// `question add ID --text … --subject … --attribute …`.
public struct QuestionAdd: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(commandName: "add", abstract: "Append a question to Questions.list.")

    @Argument(help: "The question id: letters, digits, '-', '_' and '.'.") var id: String
    @Option(name: .long, help: "The question as you would ask it.") var text: String
    @Option(name: .long, help: "A canonical subject name (repeatable).", completion: Completions.subjects) var subject: [String] = []
    @Option(name: .long, help: "The attribute: \(Vocabulary.standard.attributes.map(\.id).joined(separator: ", ")).",
            completion: Completions.attributes) var attribute: String
    @Option(name: .long, help: "The configuration the value applies to.") var qualifier: String?
    @Option(name: .customLong("resolved-by"), help: "What settles it: an official claim, a measured (or official) one, or only a manual answer.")
    var resolvedBy: ClaimCore.Question.Resolution = .official
    @OptionGroup var workspace: WorkspaceOptions

    public func validate() throws {
        guard !subject.isEmpty else { throw ValidationError("give at least one --subject") }
    }

    public func run() throws {
        let space = workspace.resolved
        let existing = try workspace.reporting { try WorkspaceText.read(space.questionsList) } ?? ""
        let question = ClaimCore.Question(id: id, text: text, subjects: subject, attribute: attribute, qualifier: qualifier,
                                          resolvedBy: resolvedBy)
        let updated = WorkspaceFileWriter.appending(QuestionsFile.block(for: question), to: existing, blankLineBefore: true)
        // The file must read as well as before, so a typo never lands in it.
        try checkNoNewProblems(existing, updated, space)
        try WorkspaceFileWriter.replace(space.questionsList, with: updated)
        keepResolution(space)
        print("added \(id) to \(space.questionsList.lastPathComponent)")
    }
}

/// `question resolve ID --answer … --cite URL`.
public struct QuestionResolve: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Record a manual answer, with its citation, in Questions.list.")

    @Argument(help: "The question id.", completion: Completions.questionIDs) var id: String
    @Option(name: .long, help: "The answer, as you would write it.") var answer: String
    @Option(name: .long, help: "Where the answer comes from (a URL).") var cite: String
    @OptionGroup var workspace: WorkspaceOptions

    public func validate() throws {
        guard let url = URL(string: cite), url.scheme != nil else { throw ValidationError("--cite '\(cite)' is not a URL") }
    }

    public func run() throws {
        let space = workspace.resolved
        let existing = try workspace.reporting { try WorkspaceText.read(space.questionsList) } ?? ""
        guard let updated = QuestionsFile.resolving(existing, id: id, answer: answer, citation: cite) else {
            let known = (try? space.questions().map(\.id).sorted().joined(separator: ", ")) ?? ""
            throw ValidationError("unknown question '\(id)'; known: \(known)")
        }
        try checkNoNewProblems(existing, updated, space)
        try WorkspaceFileWriter.replace(space.questionsList, with: updated)
        keepResolution(space)
        print("resolved \(id): \(answer)")
    }
}

/// After Questions.list changed: resolve the store against it and keep the result, so the next listing
/// reads it rather than resolving. Only when a store exists and no other writer holds the workspace (a
/// fetch under way keeps its own at its end); otherwise the next listing simply resolves.
private func keepResolution(_ workspace: Workspace) {
    guard (try? workspace.hasStore()) == true, let lock = try? WorkspaceLock(workspace) else { return }
    withExtendedLifetime(lock) {
        do {
            let store = try Store(try workspace.storeLocation())
            // A question about a subject the stored pages were not read for: read again the pages that mention it.
            let reread = try Pipeline(workspace: workspace, store: store).rereadForNewTerms()
            if let summary = reread.summary { print(summary) }
            try Pipeline.keepResolution(workspace, store: store)
            try store.finishWriting()
        } catch {
            Terminal.warn("warning: the questions were saved; resolving them for the next listing failed: \(error)")
        }
    }
}

/// Refuses an edit that gives Questions.list a problem it did not have (mistakes already in the file, in
/// other blocks, are reported, not a reason to refuse).
private func checkNoNewProblems(_ existing: String, _ updated: String, _ workspace: Workspace) throws {
    let attributes: [String]
    do { attributes = try workspace.vocabulary().attributes.map(\.id) } catch {
        Terminal.warn("\(error)")
        throw ExitCode.failure
    }
    let before = Set(QuestionsFile.read(existing, attributes: attributes).problems.map(\.message))
    let added = QuestionsFile.read(updated, attributes: attributes).problems.filter { !before.contains($0.message) }
    guard added.isEmpty else {
        added.forEach { Terminal.warn($0.description) }
        throw ExitCode.failure
    }
}


/// `--resolved-by official|measured|manual`: argument-parser lists the values in help, checks them and completes them.
extension ClaimCore.Question.Resolution: ExpressibleByArgument {}
