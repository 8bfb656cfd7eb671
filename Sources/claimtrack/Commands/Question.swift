import ArgumentParser
import ClaimCore
import ClaimPipeline
import ClaimResolver
import Foundation

extension Claimtrack {
    /// `question add|show|resolve`: manage one question; Questions.list stays the source of truth.
    struct Question: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, show or resolve one question (Questions.list is edited in place, comments kept).",
            subcommands: [Add.self, Show.self, Resolve.self])

        /// `question add ID --text … --subject … --attribute …`.
        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Append a question to Questions.list.")

            @Argument(help: "The question id: letters, digits, '-', '_' and '.'.") var id: String
            @Option(name: .long, help: "The question as you would ask it.") var text: String
            @Option(name: .long, help: "A canonical subject name (repeatable).", completion: Completions.subjects) var subject: [String] = []
            @Option(name: .long, help: "The attribute: \(Vocabulary.standard.attributes.map(\.id).joined(separator: ", ")).",
                    completion: Completions.attributes) var attribute: String
            @Option(name: .long, help: "The configuration the value applies to.") var qualifier: String?
            @Option(name: .customLong("resolved-by"), help: "What settles it: an official claim, a measured (or official) one, or only a manual answer.")
            var resolvedBy: ClaimCore.Question.Resolution = .official
            @OptionGroup var workspace: WorkspaceOptions

            func validate() throws {
                guard !subject.isEmpty else { throw ValidationError("give at least one --subject") }
            }

            func run() throws {
                let space = workspace.resolved
                let existing = (try? String(contentsOf: space.questionsList, encoding: .utf8)) ?? ""
                let question = ClaimCore.Question(id: id, text: text, subjects: subject, attribute: attribute, qualifier: qualifier,
                                                  resolvedBy: resolvedBy)
                let updated = existing + (existing.isEmpty || existing.hasSuffix("\n\n") ? "" : existing.hasSuffix("\n") ? "\n" : "\n\n")
                    + QuestionsFile.block(for: question)
                // The whole file must still read, so a typo never lands in it.
                _ = try workspace.reporting { try QuestionsFile.parse(updated, attributes: try space.vocabulary().attributes.map(\.id)) }
                try write(updated, to: space.questionsList)
                print("added \(id) to \(space.questionsList.lastPathComponent)")
            }
        }

        /// `question show ID`.
        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "One question: status, answer, spread, every claim with its citation.")

            @Argument(help: "The question id.", completion: Completions.questionIDs) var id: String
            @OptionGroup var workspace: WorkspaceOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let space = workspace.resolved
                let snapshot = try workspace.reporting { try Snapshot.load(space, store: workspace.openStore()) }
                guard let state = snapshot.questions.first(where: { $0.id == id }) else {
                    throw ValidationError("unknown question '\(id)'; known: \(snapshot.questions.map(\.id).sorted().joined(separator: ", "))")
                }
                if output.json { return try output.printJSON(state) }
                print("\(Terminal.bold(state.id)) [\(state.status.rawValue)] \(state.text)")
                print("  subjects: \(state.subjects.joined(separator: ", ")) · attribute: \(state.attribute)\(state.qualifier.map { " · qualifier: \($0)" } ?? "")")
                print("  answer: \(state.answer ?? "none yet")\(state.confidence.map { "  (\($0.label.rawValue), \(String(format: "%.2f", $0.score)))" } ?? "")")
                if let spread = state.spread { print("  spread: \(spread)") }
                print("  independent sources: \(state.independentSources)")
                for claim in state.claims {
                    print("  - \(claim.value.display)\(claim.qualifier.map { " (\($0))" } ?? "")  [\(claim.confidence.label.rawValue) \(String(format: "%.2f", claim.confidence.score))]  \(claim.citation?.publisher ?? "?"), \(claim.statedAt.map(Timestamp.format) ?? "undated")")
                    let quoted = claim.citation?.quotedIn.map { "  (as quoted in \($0))" } ?? ""
                    print(Terminal.dim("    \(claim.citation?.url ?? "")  \(claim.citation?.warcRecordID ?? "")\(quoted)"))
                    print(Terminal.dim("    \u{201C}\(claim.quote)\u{201D}"))
                }
                for unknown in state.unknowns {
                    print("  still unknown: \u{201C}\(unknown.quote)\u{201D} (\(unknown.citation?.publisher ?? "?"), \(unknown.citation?.url ?? ""))")
                }
                for contradiction in state.contradictions { print("  contradiction: \(contradiction.reason)") }
            }
        }

        /// `question resolve ID --answer … --cite URL`.
        struct Resolve: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a manual answer, with its citation, in Questions.list.")

            @Argument(help: "The question id.", completion: Completions.questionIDs) var id: String
            @Option(name: .long, help: "The answer, as you would write it.") var answer: String
            @Option(name: .long, help: "Where the answer comes from (a URL).") var cite: String
            @OptionGroup var workspace: WorkspaceOptions

            func validate() throws {
                guard let url = URL(string: cite), url.scheme != nil else { throw ValidationError("--cite '\(cite)' is not a URL") }
            }

            func run() throws {
                let space = workspace.resolved
                let existing = (try? String(contentsOf: space.questionsList, encoding: .utf8)) ?? ""
                guard let updated = QuestionsFile.resolving(existing, id: id, answer: answer, citation: cite) else {
                    let known = (try? space.questions().map(\.id).sorted().joined(separator: ", ")) ?? ""
                    throw ValidationError("unknown question '\(id)'; known: \(known)")
                }
                _ = try workspace.reporting { try QuestionsFile.parse(updated, attributes: try space.vocabulary().attributes.map(\.id)) }
                try write(updated, to: space.questionsList)
                print("resolved \(id): \(answer)")
            }
        }
    }
}

/// Writes a workspace file atomically, so a crash never leaves half a file.
private func write(_ text: String, to file: URL) throws {
    do { try Data(text.utf8).write(to: file, options: .atomic) } catch {
        Terminal.warn("error: \(file.path): cannot write: \(error.localizedDescription)")
        throw ExitCode.failure
    }
}

/// `--resolved-by official|measured|manual`: argument-parser lists the values in help, checks them and completes them.
extension ClaimCore.Question.Resolution: ExpressibleByArgument {}
