import Foundation
import TestSupport
import Testing

/// Runs the built `claimtrack` against temporary workspaces and checks stdout, stderr and the exit code.
struct CLI {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("claimtrack")

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws -> Result {
        try run(wrapping: binary, arguments, in: folder, environment: extra)
    }

    /// Runs `executable` (the binary itself, or a wrapper such as setpriv that starts it) as `run` does.
    static func run(wrapping executable: URL, _ arguments: [String], in folder: URL? = nil, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLAIMTRACK_WORKSPACE")
        environment.removeValue(forKey: "CLAIMTRACK_NOW")
        environment.removeValue(forKey: "CLAIMTRACK_STORE")
        if let store = storeForSuite(arguments, in: folder) { environment["CLAIMTRACK_STORE"] = store }
        process.environment = environment.merging(extra) { $1 }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let err = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// Whether this run of the suite keeps every workspace's store in PostgreSQL
    /// (`CLAIMTRACK_TEST_STORE=postgresql swift test`, which .ci/run runs after the README's `swift test`).
    static let onPostgreSQL = ProcessInfo.processInfo.environment["CLAIMTRACK_TEST_STORE"] == "postgresql"

    /// The store a command line's workspace gets when the suite runs on PostgreSQL: a schema of its own per
    /// workspace folder (`--workspace`, else the folder it runs in); nil on SQLite.
    static func storeForSuite(_ arguments: [String], in folder: URL?) -> String? {
        guard onPostgreSQL else { return nil }
        // Without PostgreSQL the suite says so once and runs on SQLite, as every other PostgreSQL test skips.
        guard let cluster = PostgreSQLStoreTests.cluster() else { return nil }
        return cluster.storeURL(forWorkspace: workspaceFolder(arguments, in: folder))
    }

    /// Deletes a workspace's store, wherever this run of the suite keeps it.
    static func removeStore(_ workspace: URL) throws {
        if onPostgreSQL, let cluster = PostgreSQLCluster.shared {
            _ = try cluster.query("DROP SCHEMA \(cluster.schema(forWorkspace: workspace)) CASCADE")
        } else {
            try FileManager.default.removeItem(at: workspace.appendingPathComponent(".claimtrack/store.sqlite"))
        }
    }

    /// The workspace folder a command line names, as claimtrack finds it.
    static func workspaceFolder(_ arguments: [String], in folder: URL?) -> URL {
        let base = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var named: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--workspace", index + 1 < arguments.count { named = arguments[index + 1] }
            if argument.hasPrefix("--workspace=") { named = String(argument.dropFirst("--workspace=".count)) }
            if argument == "--" { break }
        }
        guard let named else { return base }
        return named.hasPrefix("/") ? URL(fileURLWithPath: named) : base.appendingPathComponent(named)
    }

    /// `run`, plus the child's peak resident set size in bytes (from wait4's rusage).
    static func runMeasuringPeakMemory(_ arguments: [String]) throws -> (Result, Int) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let err = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        // Through a small Python parent, whose RUSAGE_CHILDREN covers exactly this one child.
        let timing = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: timing) }
        let script = "import resource, subprocess, sys\n"
            + "with open(sys.argv[1], 'wb') as o, open(sys.argv[2], 'wb') as e:\n"
            + "    status = subprocess.call(sys.argv[4:], stdout=o, stderr=e)\n"
            + "open(sys.argv[3], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024))\n"
            + "sys.exit(status)\n"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, out.path, err.path, timing.path, binary.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "CLAIMTRACK_WORKSPACE")
        environment.removeValue(forKey: "CLAIMTRACK_NOW")
        environment.removeValue(forKey: "CLAIMTRACK_STORE")
        if let store = storeForSuite(arguments, in: nil) { environment["CLAIMTRACK_STORE"] = store }
        // Under AddressSanitizer, freed memory sits in ASan's quarantine (256 MB by default) and would be
        // counted as ours; a small quarantine keeps the figure about the program. Ignored without ASan.
        environment["ASAN_OPTIONS"] = [environment["ASAN_OPTIONS"], "quarantine_size_mb=16"].compactMap { $0 }.joined(separator: ":")
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        let peak = Int((try? String(contentsOf: timing, encoding: .utf8)) ?? "") ?? Int.max
        return (Result(status: process.terminationStatus, stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? ""), peak)
    }

    /// A server on 127.0.0.1 started for one test (a Python script that prints "port N" first); killed
    /// when the returned object goes away.
    final class Server {
        let process = Process()
        let port: Int

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-u"] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            var line = ""
            while !line.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += String(decoding: chunk, as: UTF8.self)
            }
            guard let found = line.range(of: "port ").flatMap({ Int(line[$0.upperBound...].prefix { $0.isNumber }) }) else {
                kill(process.processIdentifier, SIGKILL)
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "test server did not start: \(line)"])
            }
            port = found
        }

        deinit {
            // SIGKILL: the child inherits the test runner's blocked-signal mask, so SIGTERM may never arrive.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// A fresh workspace holding a copy of the sample archive and the sample's questions (Sample/Questions.list,
    /// not the repository's own Questions.list, which a user may have edited).
    static func sampleWorkspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Archive"), to: folder.appendingPathComponent("Archive"))
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Sample/Questions.list"), to: folder.appendingPathComponent("Questions.list"))
        return folder
    }

    /// The sample workspace as it stood in March, before its third run (October) resolved the M5 Ultra's launch
    /// and multi-core score: the launch still contested, the score only leaked.
    static func marchSampleWorkspace() throws -> URL {
        let folder = try sampleWorkspace()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Archive/claimtrack-20261020T140000Z.warc.gz"))
        return folder
    }

    /// A workspace with the sample's questions and no archive: what a first fetch starts from.
    static func emptyWorkspace() throws -> URL {
        let workspace = try sampleWorkspace()
        try FileManager.default.removeItem(at: workspace.appendingPathComponent("Archive"))
        return workspace
    }

    /// The misbehaving site of Tests/FaultServer on 127.0.0.1, with its arguments (e.g. "robots=503").
    static func faultServer(_ arguments: [String] = []) throws -> Server {
        try Server([repository.appendingPathComponent("Tests/FaultServer/fault_server.py").path] + arguments)
    }

    /// The rows of a query on a workspace's store, one line each with `|` between columns (Python's sqlite3,
    /// so the test reads the file as any other SQLite client would).
    static func query(_ workspace: URL, _ sql: String) throws -> [String] {
        if onPostgreSQL, let cluster = PostgreSQLCluster.shared {
            return try cluster.query(sql, schema: cluster.schema(forWorkspace: workspace))
        }
        let store = workspace.appendingPathComponent(".claimtrack/store.sqlite").path
        let script = "import sqlite3, sys\nfor row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print('|'.join(map(str, row)))"
        return try output(of: "/usr/bin/env", ["python3", "-c", script, store, sql]).stdout.split(separator: "\n").map(String.init)
    }

    /// Another program's exit status and stdout (its stderr is dropped).
    static func output(of executable: String, _ arguments: [String], in folder: URL? = nil,
                       environment: [String: String]? = nil) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// A WARC file's records as text (gzip -dc), each starting at its `WARC/1.1` line.
    static func records(in file: URL) throws -> [String] {
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["gzip", "-dc", file.path]
        let pipe = Pipe()
        unzip.standardOutput = pipe
        try unzip.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        unzip.waitUntilExit()
        return text.components(separatedBy: "WARC/1.1\r\n").dropFirst().map { "WARC/1.1\r\n" + $0 }
    }
}

@Suite struct CommandLineTests {
    @Test func usageErrorsExit64WithASentence() throws {
        let unknown = try CLI.run(["extract", "page.html", "--source", "macrumor"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown source 'macrumor'; known: ") && unknown.stderr.contains("macrumors"))
        #expect(unknown.stdout.isEmpty)
        #expect(try CLI.run(["fetch", "--bogus"]).status == 64)
        #expect(try CLI.run(["fetch", "--offline", "--source", "macrumors"]).status == 64)
    }

    @Test func extractPrintsTheDocumentClaimsAndDiagnosticsAsJSON() throws {
        let page = CLI.repository.appendingPathComponent("Sample/run-2/macrumors/256gb-price.html").path
        let result = try CLI.run(["extract", page, "--source", "macrumors", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["title"] as? String == "Apple Raises Price of Mac Studio's 256GB Memory Upgrade to $2,000")
        #expect(document["published"] as? String == "2026-03-20T15:15:00Z")
        #expect(document["kind"] as? String == "article")
        let claims = try #require(json["claims"] as? [[String: Any]])
        let first = try #require(claims.first)
        for field in ["subject", "attribute", "qualifier", "value", "validTime", "confidence", "quote", "statedAt", "questions"] {
            #expect(first.keys.contains(field), "claim lacks \(field)")
        }
        #expect((first["value"] as? [String: Any])?["type"] as? String == "money")
        #expect(json["diagnostics"] is [Any])
    }

    /// The README's Vocabulary.list example, as written there.
    @Test func vocabularyAttributesExtractTheirKindOfValue() throws {
        let result = try CLI.run(["extract", "Sample/vocabulary/zenbook-15-review.html", "--source", "generic", "--workspace", "Sample/vocabulary"],
                                 in: CLI.repository)
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["Zenbook 15 · weight: 1.4 kg", "Zenbook 15 · panel.refresh: 120 Hz", "Zenbook 15 · usb-ports: 2",
                     "Zenbook 15 · battery.capacity: 75 Wh", "Zenbook 15 · launch-price: $1,099",
                     "Zenbook 15 · warranty: covers two years of repairs in most countries"] {
            #expect(result.stdout.contains(line), "missing: \(line)\n\(result.stdout)")
        }
        // The sidebar's shopping line is not the article.
        #expect(!result.stdout.contains("$300"))
    }

    @Test func theOfflineDemoAndReparseGiveTheSameClaims() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let fetch = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(fetch.stdout.contains("nothing was fetched"))
        let questions = try CLI.run(["questions", "--workspace", workspace.path])
        #expect(questions.stdout.contains("mac-studio-base-price [ambiguous]"))
        #expect(questions.stdout.contains("studio-server [open]"))
        #expect(questions.stdout.contains("still unknown: \u{201C}We don't know yet if Apple will release a rack-mount Studio Server"))
        #expect(questions.stdout.contains("m5-ultra-metal [evidence]"))
        #expect(!questions.stdout.contains("[resolved]") && !questions.stdout.contains("m5-ultra-launch"))
        let all = try CLI.run(["questions", "--all", "--json", "--workspace", workspace.path])
        let statuses = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]]).compactMap { $0["status"] as? String }
        #expect(Set(statuses) == ["ambiguous", "open", "evidence", "resolved"])
        // In March, before the third run, the launch was contested: every status.
        let march = try CLI.marchSampleWorkspace()
        defer { try? FileManager.default.removeItem(at: march) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", march.path])
        let then = try CLI.run(["questions", "--all", "--json", "--workspace", march.path])
        let marchStatuses = try #require(try JSONSerialization.jsonObject(with: Data(then.stdout.utf8)) as? [[String: Any]]).compactMap { $0["status"] as? String }
        #expect(Set(marchStatuses) == ["contested", "ambiguous", "open", "evidence", "resolved"])

        let before = try CLI.run(["claims", "--json", "--workspace", workspace.path])
        #expect(before.status == 0)
        #expect(before.stdout.contains("\"warcRecordID\""))
        try FileManager.default.removeItem(at: workspace.appendingPathComponent(".claimtrack"))
        let reparse = try CLI.run(["reparse", "--workspace", workspace.path])
        #expect(reparse.status == 0)
        let after = try CLI.run(["claims", "--json", "--workspace", workspace.path])
        #expect(after.stdout == before.stdout)
        // Pages read in parallel are stored in archive order: one worker or four, the same store.
        for jobs in ["1", "4"] {
            #expect(try CLI.run(["reparse", "--jobs", jobs, "--workspace", workspace.path]).status == 0)
            #expect(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout == before.stdout, "--jobs \(jobs)")
        }
        #expect(try CLI.run(["reparse", "--jobs", "0", "--workspace", workspace.path]).stderr.contains("--jobs must be between 1 and 256"))
        #expect(try CLI.run(["runs", "--json", "--workspace", workspace.path]).stdout.components(separatedBy: "\"warcFile\"").count == 4)
    }

    @Test func theDigestFootnotesEveryClaimWithItsArchiveRecord() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let digest = try CLI.run(["export", "--format", "markdown", "--workspace", workspace.path])
        #expect(digest.status == 0)
        #expect(digest.stdout.hasPrefix("# claimtrack digest"))
        let references = Set(digest.stdout.matches(of: /\[\^(\d+)\][^:]/).map { String($0.1) })
        let definitions = digest.stdout.split(separator: "\n").filter { $0.hasPrefix("[^") }
        #expect(!references.isEmpty)
        #expect(definitions.count == references.count)
        #expect(definitions.allSatisfy { $0.contains("archive record `<urn:uuid:") && $0.contains("retrieved 2026-") && $0.contains("published 2026-") })
        let again = try CLI.run(["export", "--workspace", workspace.path])
        #expect(again.stdout == digest.stdout)
    }

    @Test func badSourcesAreReportedAndTheGoodOnesStillFetched() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let listing = CLI.repository.appendingPathComponent("Sample/run-1/macrumors/index.html")
        let sources = """
        macrumor https://www.macrumors.com/
        macrumors htp//not a url
        macrumors http://127.0.0.1:1/
        macrumors \(listing.absoluteString) max=2
        """
        try Data(sources.utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        let result = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Sources.list:1: error: unknown source 'macrumor'; known: 9to5mac, "))
        #expect(result.stderr.contains("Sources.list:2: error: 'htp//not' is not an http, https or file URL"))
        // Nothing answers there, robots.txt included, and an unreachable robots.txt allows nothing (RFC 9309).
        #expect(result.stderr.contains("error: macrumors: http://127.0.0.1:1/: skipped: robots.txt is unreachable (connection refused), so nothing on 127.0.0.1:1 is fetched this run"))
        #expect(result.stdout.contains("macrumors      3 pages"))
        let runs = try CLI.run(["runs", "--workspace", workspace.path])
        #expect(runs.stdout.contains("3 pages"))
        #expect(runs.stdout.contains("1 failures"))
    }

    @Test func sourcesListsPluginsAndEntries() throws {
        let result = try CLI.run(["sources", "--workspace", CLI.repository.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("macrumors     MacRumors — article, listing, feed"))
        #expect(result.stdout.contains("Sources.list:4"))
    }
}

/// What argument-parser gives the command line: one version, shell completions that know the plugins and
/// read the workspace being completed, closed sets checked by the parser, the help the man page is made from.
@Suite struct ShellIntegrationTests {
    @Test func theVersionIsTheOneTheUserAgentAndArchiveCarry() throws {
        let version = try CLI.run(["--version"])
        #expect(version.status == 0)
        let number = version.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(number.split(separator: ".").count == 3 && number.allSatisfy { $0.isNumber || $0 == "." }, "\(number)")
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let page = CLI.repository.appendingPathComponent("Sample/run-1/macrumors/512gb-pulled.html")
        try Data("macrumors \(page.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        #expect(try CLI.run(["fetch", "--workspace", workspace.path]).status == 0)
        let archive = workspace.appendingPathComponent("Archive")
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: archive.path).first { $0.hasSuffix(".warc.gz") })
        #expect(try CLI.records(in: archive.appendingPathComponent(file)).first?.contains("software: claimtrack/\(number)\r\n") == true)
        #expect(try CLI.run(["fetch", "--help"]).stdout.contains("claimtrack/\(number)") == false)  // no stale copy in help text
    }

    @Test func completionsOfferPluginsFoldersFilesAndTheWorkspacesQuestions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let script = try CLI.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("macrumors") && script.stdout.contains("tomshardware"), "\(shell): plugin ids for --source")
            #expect(script.stdout.contains("---completion question show -- positional@0"), "\(shell): question ids")
        }
        // The script asks the binary for question ids, reading the workspace named on the line being completed.
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let ids = try CLI.run(["---completion", "question", "show", "--", "positional@0", "3", "1",
                               "claimtrack", "question", "show", "m", "--workspace", workspace.path])
        #expect(ids.stdout.split(separator: "\n").contains("m5-ultra-launch"), "\(ids.stdout)\(ids.stderr)")
        let attributes = try CLI.run(["---completion", "question", "add", "--", "--attribute", "3", "0",
                                      "claimtrack", "question", "add", "", "--workspace", workspace.path])
        #expect(attributes.stdout.split(separator: "\n").contains("release-date"))
        // A closed set is the parser's to check: the values are listed and a wrong one is a usage error.
        let wrong = try CLI.run(["question", "add", "x", "--text", "X?", "--subject", "Mac Studio", "--attribute", "price",
                                 "--resolved-by", "offical", "--workspace", workspace.path])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("offical") && wrong.stderr.contains("'official', 'measured' or 'manual'"), "\(wrong.stderr)")
    }

    /// `swift package generate-manual` builds the man page from this dump of every command's help.
    @Test func theHelpTheManPageIsMadeFromCoversEveryCommand() throws {
        let dump = try CLI.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(json["command"] as? [String: Any])
        let names = (command["subcommands"] as? [[String: Any]] ?? []).compactMap { $0["commandName"] as? String }
        for expected in ["fetch", "reparse", "extract", "runs", "diff", "questions", "contradictions", "question", "claims", "export", "sources", "verify", "evaluate"] {
            #expect(names.contains(expected), "\(expected)")
        }
    }
}

@Suite struct SourcePriorTests {
    @Test func aPriorSetInSourcesListAppliesAndSurvivesReparse() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let page = CLI.repository.appendingPathComponent("Sample/run-1/macrumors/512gb-pulled.html")
        try Data("macrumors \(page.absoluteString) prior=rumored\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        #expect(try CLI.run(["fetch", "--workspace", workspace.path]).status == 0)
        func availabilityLabel() throws -> String? {
            let claims = try CLI.run(["claims", "--json", "--subject", "Mac Studio", "--workspace", workspace.path]).stdout
            let list = try JSONSerialization.jsonObject(with: Data(claims.utf8)) as? [[String: Any]] ?? []
            let availability = list.first { $0["attribute"] as? String == "availability" }
            return (availability?["confidence"] as? [String: Any])?["label"] as? String
        }
        #expect(try availabilityLabel() == "rumored")  // no cue in the sentence: the overridden prior decides
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 0)
        #expect(try availabilityLabel() == "rumored")
    }
}

@Suite struct DiffTests {
    @Test func theSampleDiffShowsWhatTheSampleWasWrittenToShow() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        // March: the first two runs.
        let result = try CLI.run(["diff", "--from", "1", "--to", "2", "--json", "--workspace", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(diff["from"] as? String == "2026-03-06T14:00:00Z" && diff["to"] as? String == "2026-03-30T14:00:00Z")
        let statuses = (diff["questions"] as? [[String: Any]] ?? []).map { "\($0["id"]!): \($0["from"]!) → \($0["to"]!)" }.sorted()
        #expect(statuses == ["m5-ultra-launch: evidence → contested", "mac-pro-sold: open → resolved",
                             "mac-studio-256gb-price: open → resolved", "mac-studio-base-price: open → ambiguous"])
        let appeared = ((diff["contradictions"] as? [String: Any])?["appeared"] as? [[String: Any]]) ?? []
        #expect(appeared.count == 2)  // the launch window, and the base price
        let pages = try #require(diff["pages"] as? [String: [String]])
        #expect(pages["updated"]?.contains("https://www.macrumors.com/2026/03/05/m5-ultra-geekbench-leak/") == true)
        #expect(pages["new"]?.contains("https://www.macrumors.com/2026/03/26/apple-discontinues-mac-pro/") == true)
        let added = (diff["added"] as? [[String: Any]] ?? []).map { "\($0["subject"]!) \($0["attribute"]!)" }
        #expect(added.contains("Mac Pro discontinued-on"))
        #expect(added.contains("M5 Ultra release-date"))
        // The updated leak article only gained a sentence with no claim: nothing retracted or changed.
        #expect((diff["retracted"] as? [Any])?.isEmpty == true)
        #expect((diff["changed"] as? [Any])?.isEmpty == true)
        let text = try CLI.run(["diff", "--from", "1", "--to", "2", "--workspace", workspace.path]).stdout
        #expect(text.contains("m5-ultra-launch: evidence → contested"))

        // October (the default: the last two runs): Apple announces the launch date, Geekbench measures the chip.
        let october = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["diff", "--json", "--workspace", workspace.path]).stdout.utf8)) as? [String: Any])
        #expect(october["from"] as? String == "2026-03-30T14:00:00Z" && october["to"] as? String == "2026-10-20T14:00:00Z")
        let resolved = (october["questions"] as? [[String: Any]] ?? []).map { "\($0["id"]!): \($0["from"]!) → \($0["to"]!)" }.sorted()
        #expect(resolved == ["m5-ultra-launch: contested → resolved", "m5-ultra-multicore: evidence → resolved"])
        let measured = (october["added"] as? [[String: Any]] ?? []).map { "\($0["subject"]!) \($0["attribute"]!)" }
        #expect(measured.contains("M5 Ultra geekbench.multi-core") && measured.contains("M5 Ultra release-date"))
        #expect(try CLI.run(["diff", "--workspace", workspace.path]).stdout.contains("m5-ultra-launch: contested → resolved"))
    }

    /// The same article captured years apart, in the legacy template and then the current one, its
    /// canonical URL written as the site wrote it then (http, no trailing slash) and as it writes it now.
    @Test(arguments: ["https://www.macrumors.com/2019/11/18/redesign-test/", "http://www.macrumors.com/2019/11/18/redesign-test",
                      "http://macrumors.com/2019/11/18/redesign-test/?utm_source=rss"])
    func aRedesignWithTheSameTextChangesNoClaims(legacyCanonical: String) throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let text = "Apple has pulled the 512GB configuration of the Mac Studio, and orders are now capped at 256GB."
        let current = """
        <html><head><link rel="canonical" href="https://www.macrumors.com/2019/11/18/redesign-test/"></head><body>
        <article class="article--2pJwZBkO js-article"><h1>Redesign test</h1><div class="byline--3Eec5bcq"><time datetime="2019-11-18T07:45:00-08:00">x</time> by <a rel="author">W</a></div>
        <div class="content--2u3grYDr"><p>\(text)</p></div></article></body></html>
        """
        let legacy = """
        <html><head><link rel="canonical" href="\(legacyCanonical)"></head><body>
        <div class="article"><h1 class="title">Redesign test</h1><div class="byline">Monday November 18, 2019 7:45 am PST by <a class="author-url">W</a></div>
        <div class="content">\(text)</div></div></body></html>
        """
        let first = workspace.appendingPathComponent("first.html"), second = workspace.appendingPathComponent("second.html")
        try Data(legacy.utf8).write(to: first)
        try Data(current.utf8).write(to: second)
        for (page, time) in [(first, "2019-11-19T10:00:00Z"), (second, "2026-03-20T10:00:00Z")] {
            try Data("macrumors \(page.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
            #expect(try CLI.run(["fetch", "--workspace", workspace.path], environment: ["CLAIMTRACK_NOW": time]).status == 0)
        }
        let diff = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["diff", "--json", "--workspace", workspace.path]).stdout.utf8)) as? [String: Any])
        #expect((diff["pages"] as? [String: [String]])?["updated"] == ["https://www.macrumors.com/2019/11/18/redesign-test/"])
        #expect((diff["pages"] as? [String: [String]])?["new"] == [])
        for key in ["added", "retracted", "changed"] { #expect((diff[key] as? [Any])?.isEmpty == true, "\(key) should be empty") }
        // One page, so one live capture: the newer supersedes the older whatever URL the older was under.
        let claims = try #require(try JSONSerialization.jsonObject(with: Data(CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout.utf8)) as? [[String: Any]])
        #expect(!claims.isEmpty && claims.allSatisfy { ($0["citation"] as? [String: Any])?["url"] as? String == "https://www.macrumors.com/2019/11/18/redesign-test/" })
    }

    @Test func twoRunsStartedInTheSameSecondAreTwoRuns() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let page = CLI.repository.appendingPathComponent("Sample/run-1/macrumors/512gb-pulled.html")
        try Data("macrumors \(page.absoluteString)\n".utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        for _ in 0..<2 {
            #expect(try CLI.run(["fetch", "--workspace", workspace.path], environment: ["CLAIMTRACK_NOW": "2026-04-01T10:00:00Z"]).status == 0)
        }
        let runs = try JSONSerialization.jsonObject(with: Data(CLI.run(["runs", "--json", "--workspace", workspace.path]).stdout.utf8)) as? [[String: Any]]
        #expect(runs?.compactMap { $0["id"] as? String } == ["2026-04-01T10:00:00Z", "2026-04-01T10:00:01Z"])
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("Archive").path).sorted()
        #expect(files == ["claimtrack-20260401T100000Z.warc.gz", "claimtrack-20260401T100001Z.warc.gz"])
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
    }

    @Test func anUnknownRunIsAUsageError() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let result = try CLI.run(["diff", "--from", "2020-01-01T00:00:00Z", "--workspace", workspace.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown run '2020-01-01T00:00:00Z'; runs: 2026-03-06T14:00:00Z, 2026-03-30T14:00:00Z"))
    }

    @Test func contradictionsListBothCitations() throws {
        let workspace = try CLI.marchSampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let result = try CLI.run(["contradictions", "--json", "--workspace", workspace.path])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 2)
        let launch = try #require(list.first { ($0["claims"] as? [[String: Any]])?.first?["attribute"] as? String == "release-date" })
        let claims = try #require(launch["claims"] as? [[String: Any]])
        #expect(claims.compactMap { ($0["citation"] as? [String: Any])?["warcRecordID"] as? String }.count == 2)
        #expect((launch["reason"] as? String)?.contains("preferred: reported outranks rumored") == true)
        let price = try #require(list.first { ($0["claims"] as? [[String: Any]])?.first?["attribute"] as? String == "price" })
        #expect((price["reason"] as? String)?.contains("preferred: newer statement") == true)
    }
}

/// Listings read the resolution a fetch or an earlier listing kept in the store; it must say exactly what
/// resolving again says, and change when the archive or the workspace files do.
@Suite struct DerivedResultTests {
    @Test func keptResolutionsMatchFreshOnesAndFollowTheirInputs() throws {
        let workspace = try CLI.marchSampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        #expect(try CLI.run(["fetch", "--offline", "--workspace", workspace.path]).status == 0)
        let kept = try CLI.run(["questions", "--all", "--workspace", workspace.path]).stdout
        let keptContradictions = try CLI.run(["contradictions", "--workspace", workspace.path]).stdout
        #expect(kept.contains("m5-ultra-launch [contested]"))
        #expect(try CLI.run(["contradictions", "--workspace", workspace.path]).stdout == keptContradictions)
        // A rebuilt store has nothing kept: the same listings come from resolving afresh.
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).status == 0)
        #expect(try CLI.run(["questions", "--all", "--workspace", workspace.path]).stdout == kept)
        #expect(try CLI.run(["contradictions", "--workspace", workspace.path]).stdout == keptContradictions)
        // Editing Questions.list is seen at once.
        let list = workspace.appendingPathComponent("Questions.list")
        try (String(contentsOf: list, encoding: .utf8) + "\n[mac-pro-price]\ntext: What does the Mac Pro cost?\nsubjects: Mac Pro\nattribute: price\n")
            .write(to: list, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["questions", "--all", "--workspace", workspace.path]).stdout.contains("mac-pro-price [open]"))
    }
}

@Suite struct QuestionCommandTests {
    @Test func addShowAndResolveAQuestion() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let add = try CLI.run(["question", "add", "rtx-speed", "--text", "How fast is the Mac Studio against an RTX 4090?",
                               "--subject", "Mac Studio", "--attribute", "performance.relative", "--workspace", workspace.path])
        #expect(add.status == 0, "\(add.stderr)")
        let show = try CLI.run(["question", "show", "rtx-speed", "--workspace", workspace.path])
        #expect(show.stdout.contains("rtx-speed [evidence]"))
        #expect(show.stdout.contains("0.333x"))
        let bad = try CLI.run(["question", "add", "x", "--text", "?", "--subject", "Mac Pro", "--attribute", "colour", "--workspace", workspace.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("unknown attribute 'colour'"))
        #expect(!(try String(contentsOf: workspace.appendingPathComponent("Questions.list"), encoding: .utf8)).contains("[x]"))
        let resolve = try CLI.run(["question", "resolve", "studio-server", "--answer", "no such product", "--cite", "https://www.apple.com/mac-studio/",
                                   "--workspace", workspace.path])
        #expect(resolve.status == 0)
        let questions = try CLI.run(["questions", "--workspace", workspace.path]).stdout
        #expect(!questions.contains("studio-server"))
        let all = try CLI.run(["questions", "--all", "--workspace", workspace.path]).stdout
        #expect(all.contains("studio-server [resolved]"))
        #expect(try CLI.run(["question", "show", "nope", "--workspace", workspace.path]).status == 64)
    }
}

@Suite struct ReadmeTests {
    @Test func theReadmeShowsWhatTheDemoPrints() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```\noffline: "))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let shown = String(readme[readme.index(start.lowerBound, offsetBy: 4)..<end.lowerBound])
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        #expect(try CLI.run(["fetch", "--offline", "--workspace", workspace.path]).stdout == shown)
    }
}
