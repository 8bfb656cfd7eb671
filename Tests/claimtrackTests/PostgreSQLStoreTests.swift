import Foundation
import TestSupport
import Testing

/// The store in PostgreSQL (a server the tests start on 127.0.0.1): the same commands give the same output as
/// on SQLite. Where PostgreSQL is not installed these tests print one line and pass without running.
@Suite struct PostgreSQLStoreTests {
    /// The test server, or nil after saying (once) that the PostgreSQL tests are skipped.
    static func cluster() -> PostgreSQLCluster? { PostgreSQLCluster.orSkipNotice() }

    /// What a user reads from a store: every listing and digest of the sample.
    static let readings: [[String]] = [
        ["export", "--format", "markdown"], ["export", "--format", "json"], ["export", "--format", "html"],
        ["questions", "--json"], ["questions"], ["claims", "--json"], ["contradictions"], ["runs"], ["diff"], ["sources"],
        ["question", "show", "m5-ultra-launch"], ["export", "--since", "2026-03-20"],
    ]

    @Test func theSampleReadsByteForByteTheSameFromPostgreSQLAsFromSQLite() throws {
        guard let cluster = Self.cluster() else { return }
        let onSQLite = try Self.namedSampleWorkspace("sqlite")
        let onPostgreSQL = try Self.namedSampleWorkspace("postgresql")
        defer { try? FileManager.default.removeItem(at: onSQLite.deletingLastPathComponent()) }
        defer { try? FileManager.default.removeItem(at: onPostgreSQL.deletingLastPathComponent()) }
        let schema = "sample_\(UInt32.random(in: 0...UInt32.max))"
        let store = cluster.storeURL(schema: schema)
        let sqliteFetch = try CLI.run(["fetch", "--offline", "--workspace", onSQLite.path], environment: ["CLAIMTRACK_STORE": ""])
        let postgresFetch = try CLI.run(["fetch", "--offline", "--store", store, "--workspace", onPostgreSQL.path])
        #expect(postgresFetch.status == 0, "\(postgresFetch.stderr)")
        #expect(postgresFetch.stdout == sqliteFetch.stdout)
        // Nothing of the store is written into the workspace folder.
        #expect(!FileManager.default.fileExists(atPath: onPostgreSQL.appendingPathComponent(".claimtrack/store.sqlite").path))
        try Self.expectSameReadings(onSQLite, onPostgreSQL, store: store)

        // A reparse rebuilds the PostgreSQL store from the archive (a schema built beside it, then swapped in).
        let reparsed = try CLI.run(["reparse", "--store", store, "--workspace", onPostgreSQL.path])
        #expect(reparsed.status == 0, "\(reparsed.stderr)")
        #expect(reparsed.stdout == (try CLI.run(["reparse", "--workspace", onSQLite.path], environment: ["CLAIMTRACK_STORE": ""])).stdout)
        try Self.expectSameReadings(onSQLite, onPostgreSQL, store: store)
        let schemas = try cluster.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE '\(schema)%'")
        #expect(schemas.count == 1, "a rebuild left \(schemas)")
    }

    /// `store copy` carries the sample from SQLite into PostgreSQL and back into a new SQLite file; each
    /// copy is checked by counts and a digest of every claim, and reads byte for byte as the original.
    @Test func storeCopyRoundTripsTheSample() throws {
        guard let cluster = Self.cluster() else { return }
        let original = try Self.namedSampleWorkspace("original")
        let copied = try Self.namedSampleWorkspace("copied")
        defer { try? FileManager.default.removeItem(at: original.deletingLastPathComponent()) }
        defer { try? FileManager.default.removeItem(at: copied.deletingLastPathComponent()) }
        #expect(try CLI.run(["fetch", "--offline", "--workspace", original.path], environment: ["CLAIMTRACK_STORE": ""]).status == 0)
        let postgres = cluster.storeURL(schema: "copy_\(UInt32.random(in: 0...UInt32.max))")
        let there = try CLI.run(["store", "copy", "--to", postgres, "--workspace", original.path], environment: ["CLAIMTRACK_STORE": ""])
        #expect(there.status == 0, "\(there.stderr)")
        #expect(there.stdout.hasPrefix("copied 3 runs, 45 captures, 77 claims, 6 stated unknowns") && there.stdout.contains("matches"), "\(there.stdout)")
        let file = copied.appendingPathComponent("back.sqlite").path
        let back = try CLI.run(["store", "copy", "--store", postgres, "--to", file, "--workspace", copied.path])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.split(separator: ";").last == there.stdout.split(separator: ";").last)
        try Self.expectSameReadings(original, copied, store: file)
        // Into a store that holds runs already: refused, and that store is left as it was.
        let again = try CLI.run(["store", "copy", "--to", postgres, "--workspace", original.path], environment: ["CLAIMTRACK_STORE": ""])
        #expect(again.status == 1 && again.stderr.contains("holds 3 runs and 45 captures already"), "\(again.stderr)")
        #expect(try CLI.run(["store", "copy", "--to", ".claimtrack/store.sqlite", "--workspace", original.path], in: original,
                            environment: ["CLAIMTRACK_STORE": ""]).status == 64)
    }

    static func expectSameReadings(_ onSQLite: URL, _ onPostgreSQL: URL, store: String) throws {
        for reading in readings {
            let expected = try CLI.run(reading + ["--workspace", onSQLite.path], environment: ["CLAIMTRACK_STORE": ""])
            let actual = try CLI.run(reading + ["--workspace", onPostgreSQL.path], environment: ["CLAIMTRACK_STORE": store])
            #expect(actual.status == expected.status, "\(reading): \(actual.stderr)")
            #expect(actual.stdout == expected.stdout, "\(reading.joined(separator: " ")) differs between the stores")
            #expect(!actual.stdout.isEmpty, "\(reading)")
        }
    }

    /// A sample workspace in a folder named `name`, so digests that name their workspace folder compare equal.
    static func namedSampleWorkspace(_ name: String) throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        let workspace = parent.appendingPathComponent("sample")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: try CLI.sampleWorkspace(), to: workspace)
        return workspace
    }

    @Test func aStoreAddressThatIsNoneIsAUsageError() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let result = try CLI.run(["questions", "--store", "mysql://someone:secret@db/claims", "--workspace", workspace.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("not a store location") && !result.stderr.contains("secret"), "\(result.stderr)")
    }

    @Test func aServerThatIsNotThereIsOneLineNamingItWithoutThePassword() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        // A port nothing listens on: the connection is refused at once.
        let port = try Self.closedPort()
        let result = try CLI.run(["fetch", "--offline", "--store", "postgresql://analyst:secret@127.0.0.1:\(port)/claims", "--workspace", workspace.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("postgresql://analyst@127.0.0.1:\(port)/claims"), "\(result.stderr)")
        #expect(!result.stderr.contains("secret"))
        #expect(result.stderr.split(separator: "\n").count <= 2, "\(result.stderr)")
    }

    static func closedPort() throws -> Int {
        let server = try CLI.Server(["-c", "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print('port', s.getsockname()[1]); s.close()"])
        return server.port
    }
}
