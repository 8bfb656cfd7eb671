import ArgumentParser
import ClaimCore
import CommandSupport
import Foundation
import PluginRegistry

/// `init [DIR]`: a new workspace — a commented Sources.list and Questions.list, and a .gitignore keeping
/// the rebuildable store out of version control. Files already there are kept as they are.
public struct Init: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Start a workspace: a commented Sources.list and Questions.list, and a .gitignore for .claimtrack/.",
        discussion: "Creates DIR if needed; never overwrites a file that is already there.")

    @Argument(help: "The workspace folder (default: the current folder).", completion: .directory) var directory: String?

    public func run() throws {
        let root = URL(fileURLWithPath: directory ?? FileManager.default.currentDirectoryPath, isDirectory: true)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("\(root.path) is a file, not a folder")
        }
        do { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) } catch {
            Terminal.warn("error: \(root.path): cannot create the folder: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let workspace = Workspace(root: root)
        for (file, text) in [(workspace.sourcesList, Self.sourcesList), (workspace.questionsList, Self.questionsList)] {
            if FileManager.default.fileExists(atPath: file.path) {
                print("kept \(file.lastPathComponent) (already there)")
            } else {
                try WorkspaceFileWriter.replace(file, with: text)
                print("wrote \(file.lastPathComponent)")
            }
        }
        let gitignore = root.appendingPathComponent(".gitignore")
        let ignored = (try? WorkspaceText.read(gitignore)) ?? nil
        if ignored?.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == ".claimtrack/" }) != true {
            try WorkspaceFileWriter.replace(gitignore, with: WorkspaceFileWriter.appending(".claimtrack/", to: ignored ?? ""))
            print(ignored == nil ? "wrote .gitignore" : "added .claimtrack/ to .gitignore")
        }
        let at = directory.map { " --workspace \($0)" } ?? ""
        print("""
            next:
              claimtrack source add macrumors https://www.macrumors.com/ max=10\(at)
              claimtrack question add mac-studio-price --text "What does the base Mac Studio cost?" --subject "Mac Studio" --attribute price\(at)
              claimtrack fetch\(at) && claimtrack questions\(at)
            """)
    }

    static let sourcesList = """
        # Sources.list: what `claimtrack fetch` fetches, one source per line:
        #
        #   <plugin> <start URL> [key=value ...]
        #
        # Plugins: \(PluginRegistry.ids.joined(separator: ", ")) (`claimtrack sources` lists them with
        # their options). Every source takes max=N (links followed from a listing or feed per run, default 20),
        # every=6h (skip it until then), delay=SECONDS, retries=N, max-size=20MB and prior=LABEL.
        # Add one with `claimtrack source add PLUGIN URL [key=value ...]`, e.g.
        #
        #   macrumors https://www.macrumors.com/ max=10
        #   generic https://example.com/news items="//li[@class='story']" links=".//a/@href"

        """

    static let questionsList = """
        # Questions.list: the questions claimtrack answers from what it fetched, one block per question:
        #
        #   [mac-studio-price]
        #   text: What does the base Mac Studio cost?
        #   subjects: Mac Studio                # canonical names, comma-separated
        #   attribute: price
        #   qualifier: base model               # optional: the configuration the value applies to
        #   resolved-by: official               # official (default), measured or manual
        #
        # Attributes: \(Vocabulary.standard.attributes.map(\.id).joined(separator: ", ")).
        # Add one with `claimtrack question add ID --text "…" --subject "…" --attribute ATTRIBUTE`.

        """
}
