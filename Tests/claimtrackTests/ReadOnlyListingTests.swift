import Foundation
import Testing

/// Listings read the store and write nothing, so they work where the store may not be changed.
@Suite struct ReadOnlyListingTests {
    /// Runs a listing as a user who may not write the workspace's state: this user when it is not root
    /// (the folder's permissions then apply), else `nobody` through setpriv; nil when neither can be done.
    func runWithoutWriteAccess(_ arguments: [String], in workspace: URL) throws -> CLI.Result? {
        guard getuid() == 0 else { return try CLI.run(arguments + ["--workspace", workspace.path]) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path), getpwnam("nobody") != nil else { return nil }
        return try CLI.run(wrapping: setpriv, ["--reuid=nobody", "--regid=\(getpwnam("nobody")!.pointee.pw_gid)", "--clear-groups",
                                              CLI.binary.path] + arguments + ["--workspace", workspace.path])
    }

    @Test func listingsWorkOnAReadOnlyStoreAndChangeNothing() throws {
        let workspace = try CLI.sampleWorkspace()
        let state = workspace.appendingPathComponent(".claimtrack")
        defer {
            _ = chmod(state.path, 0o755)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [] { _ = chmod(state.appendingPathComponent(name).path, 0o644) }
            try? FileManager.default.removeItem(at: workspace)
        }
        #expect(try CLI.run(["fetch", "--offline", "--workspace", workspace.path]).status == 0)
        let expected = try CLI.run(["questions", "--all", "--workspace", workspace.path]).stdout
        func contents() throws -> [String: Data] {
            Dictionary(uniqueKeysWithValues: try FileManager.default.contentsOfDirectory(atPath: state.path).map {
                ($0, try Data(contentsOf: state.appendingPathComponent($0)))
            })
        }
        let before = try contents()
        for name in before.keys { _ = chmod(state.appendingPathComponent(name).path, 0o444) }
        _ = chmod(state.path, 0o555)
        // Other users must reach the binary and the workspace to read them.
        for (arguments, check) in [
            (["questions", "--all"], { (out: String) in out == expected }),
            (["questions", "--json"], { $0.hasPrefix("[") }),
            (["claims", "--subject", "Mac Studio"], { $0.contains("Mac Studio") }),
            (["contradictions"], { $0.contains("release-date") }),
            (["diff"], { $0.contains("claims") }),
            (["export", "--format", "markdown"], { $0.contains("[^1]") }),
            (["question", "show", "m5-ultra-launch"], { $0.contains("m5-ultra-launch") }),
            (["runs"], { $0.contains("2026-03-30T14:00:00Z") }),
            (["verify"], { $0.hasSuffix("ok\n") }),
        ] as [([String], (String) -> Bool)] {
            guard let result = try runWithoutWriteAccess(arguments, in: workspace) else {
                print("skipped: read-only listings: running as root without setpriv to drop to another user")
                return
            }
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(check(result.stdout), "\(arguments): \(result.stdout.prefix(300))")
        }
        #expect(try contents() == before, "a listing changed .claimtrack/")
    }
}
