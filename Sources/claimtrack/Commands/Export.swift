import ArgumentParser
import ClaimDigest
import ClaimPipeline
import Foundation

extension Claimtrack {
    /// `export [--format markdown] [--output FILE]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the cited digest.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case markdown }

        @Option(name: .long, help: "Digest format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        var format: Format = .markdown

        @Option(name: .long, help: "Write to this file instead of stdout.")
        var output: String?

        @OptionGroup var workspace: WorkspaceOptions

        func run() throws {
            let space = workspace.resolved
            let snapshot = try workspace.reporting { try Snapshot.load(space, store: workspace.openStore()) }
            let input = DigestInput(workspace: space.root.lastPathComponent, run: snapshot.run,
                                    questions: snapshot.questions, claims: snapshot.claims)
            let text = MarkdownDigest.render(input)
            if let output {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                    Terminal.warn("error: \(output): cannot write: \(error.localizedDescription)")
                    throw ExitCode.failure
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}
