import Foundation
import TestSupport
import Testing

/// Several fetchers, one PostgreSQL store and one shared archive folder: the team set-up of the README.
@Suite struct TeamStoreTests {
    /// Two fetches started together from two workspaces share the sources out: the site sees every source
    /// asked for once, each run stores its own captures and claims, and both workspaces read the same store.
    @Test func twoFetchersAtOnceFetchEverySourceOnceAndStoreBothRuns() throws {
        guard let cluster = PostgreSQLStoreTests.cluster() else { return }
        let server = try CLI.faultServer()
        let base = "http://127.0.0.1:\(server.port)"
        let schema = "team_\(UInt32.random(in: 0...UInt32.max))"
        let store = cluster.storeURL(schema: schema)
        let archive = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-archive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: archive) }
        let sources = (1...8).map { "macrumors \(base)/team/\($0).html" }.joined(separator: "\n") + "\n"
        let workspaces = try (0..<2).map { _ in
            let workspace = try CLI.emptyWorkspace()
            try Data(sources.utf8).write(to: workspace.appendingPathComponent("Sources.list"))
            return workspace
        }
        defer { workspaces.forEach { try? FileManager.default.removeItem(at: $0) } }

        let fetches = workspaces.map { workspace in
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["fetch", "--store", store, "--archive", archive.path, "--workspace", workspace.path]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            return (process, errors)
        }
        for (process, _) in fetches { try process.run() }
        var notes: [String] = []
        for (process, errors) in fetches {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(text)")
            notes.append(text)
        }

        for number in 1...8 {
            let asked = try CLI.output(of: "/usr/bin/env", ["python3", "-c", "import urllib.request, sys; print(urllib.request.urlopen(sys.argv[1]).read().decode())",
                                                            "\(base)/count?/team/\(number).html"]).stdout
            #expect(asked.trimmingCharacters(in: .whitespacesAndNewlines) == "1", "/team/\(number).html was asked for \(asked) times")
        }
        // Both runs stored, each with the captures and claims of the sources it took; together all eight.
        let runs = try cluster.query("SELECT r.id, COUNT(DISTINCT c.id), COUNT(cl.id) FROM run r LEFT JOIN capture c ON c.run = r.id LEFT JOIN claim cl ON cl.captureID = c.id GROUP BY r.id ORDER BY r.id", schema: schema)
        #expect(runs.count == 2, "\(runs)")
        let perRun = runs.map { $0.split(separator: "|").map(String.init) }
        #expect(perRun.allSatisfy { Int($0[1])! > 0 && Int($0[2])! > 0 }, "\(runs)")
        #expect(perRun.map { Int($0[1])! }.reduce(0, +) == 8, "\(runs)")
        let left = notes.joined().split(separator: "\n").filter { $0.contains("note: left to another fetcher:") }
        #expect(left.count == 8, "\(notes)")
        // No lease outlives its fetch; each run wrote its own file into the shared archive.
        #expect(try cluster.query("SELECT COUNT(*) FROM lease", schema: schema) == ["0"])
        let files = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".warc.gz") }
        #expect(files.count == 2, "\(files)")
        // Each workspace reads the whole store, and its archive check finds every stored capture.
        for workspace in workspaces {
            let verify = try CLI.run(["verify", "--store", store, "--archive", archive.path, "--workspace", workspace.path])
            #expect(verify.status == 0 && verify.stdout.contains("8 stored"), "\(verify.stdout) \(verify.stderr)")
            let claims = try CLI.run(["claims", "--json", "--store", store, "--workspace", workspace.path])
            #expect(claims.stdout.components(separatedBy: "/2026/03/10/team-").count - 1 >= 8, "\(claims.stderr)")
        }
    }
}
