import Foundation

/// A throwaway PostgreSQL server for the tests: `initdb` in a temporary folder, `pg_ctl` on a free loopback
/// port, trust authentication for one user, stopped and removed when the test process exits. As root (CI),
/// the server runs as the unprivileged `postgres` user Debian's package creates, since PostgreSQL refuses root.
public final class PostgreSQLCluster: @unchecked Sendable {
    /// The one server of this test process, started on first use; nil (with `skipReason`) where it cannot be.
    public static let shared: PostgreSQLCluster? = {
        do { return try PostgreSQLCluster() } catch {
            startProblem = "\(error)"
            return nil
        }
    }()

    nonisolated(unsafe) private static var startProblem: String?

    /// The shared server, or nil after printing (once per test process) that the PostgreSQL tests are skipped.
    public static func orSkipNotice() -> PostgreSQLCluster? {
        if let shared { return shared }
        skipNotice.withLock {
            if !skipSaid { print(skipReason) }
            skipSaid = true
        }
        return nil
    }

    private static let skipNotice = NSLock()
    nonisolated(unsafe) private static var skipSaid = false

    /// The line a test prints when it skips for want of PostgreSQL.
    public static var skipReason: String {
        _ = shared
        return "PostgreSQL tests skipped: \(startProblem ?? "no problem") (install Debian's postgresql, as .ci/run does, to run them)"
    }

    public let port: Int
    public let user = "claimtrack"
    private let folder: URL
    private let binaries: URL
    private let runAs: String?

    private init() throws {
        guard let binaries = Self.findBinaries() else { throw ClusterError("no initdb/pg_ctl on PATH or under /usr/lib/postgresql") }
        self.binaries = binaries
        runAs = getuid() == 0 ? "postgres" : nil
        if runAs != nil, getpwnam("postgres") == nil { throw ClusterError("running as root and there is no 'postgres' user to run the server as") }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-pg-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let runAs, let account = getpwnam(runAs) { chown(folder.path, account.pointee.pw_uid, account.pointee.pw_gid) }
        port = try Self.freePort()
        let data = folder.appendingPathComponent("data").path
        try run("initdb", ["-D", data, "-A", "trust", "-U", user, "--encoding=UTF8", "--locale=C", "--no-sync"])
        try run("pg_ctl", ["-D", data, "-l", folder.appendingPathComponent("log").path, "-w", "-t", "60", "start", "-o",
                           "-p \(port) -c listen_addresses=127.0.0.1 -k \(folder.path) -c fsync=off -c synchronous_commit=off -c max_connections=200"])
        Self.started.append(self)
        if Self.started.count == 1 { atexit { PostgreSQLCluster.started.forEach { $0.stop() } } }
    }

    nonisolated(unsafe) private static var started: [PostgreSQLCluster] = []

    /// The address of a store in this server, in its own schema (`name`: letters, digits and `_`).
    public func storeURL(schema name: String) -> String {
        "postgresql://\(user)@127.0.0.1:\(port)/postgres?schema=\(name)"
    }

    /// A schema name of its own for a workspace folder: the same folder always gets the same store.
    public func storeURL(forWorkspace folder: URL) -> String {
        storeURL(schema: schema(forWorkspace: folder))
    }

    /// The schema `storeURL(forWorkspace:)` names.
    public func schema(forWorkspace folder: URL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in folder.standardizedFileURL.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "ws_" + String(hash, radix: 36)
    }

    /// Runs SQL through psql and returns its rows, `|` between columns.
    public func query(_ sql: String, schema: String? = nil) throws -> [String] {
        let psql = ["/usr/bin/psql", binaries.appendingPathComponent("psql").path].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let psql else { throw ClusterError("no psql") }
        let setPath = schema.map { "SET search_path TO \($0);\n" } ?? ""
        let output = try Self.capture(psql, ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", "postgres", "-X", "-A", "-t", "-q",
                                             "-F", "|", "-v", "ON_ERROR_STOP=1", "-c", setPath + sql])
        return output.split(separator: "\n").map(String.init)
    }

    func stop() {
        _ = try? run("pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let path = binaries.appendingPathComponent(tool).path
        if let runAs {
            _ = try Self.capture("/usr/sbin/runuser", ["-u", runAs, "--", path] + arguments, in: folder)
        } else {
            _ = try Self.capture(path, arguments, in: folder)
        }
    }

    /// Runs a program to its end and returns what it printed. Spawned and reaped by hand (posix_spawn, waitpid):
    /// Foundation's Process never saw `pg_ctl start` end, its server living on with the descriptors it inherited.
    @discardableResult
    static func capture(_ executable: String, _ arguments: [String], in folder: URL? = nil) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // In `folder` (the server's user may not enter the test's own): through sh, which changes to it first.
        let command = folder.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0.path, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, argv, environ)
        guard spawned == 0 else { throw ClusterError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        // Exited normally with status 0: WIFEXITED and WEXITSTATUS, which Swift does not import.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw ClusterError("\(URL(fileURLWithPath: executable).lastPathComponent) \(arguments.first ?? "") failed: \(text.suffix(600))")
        }
        return text
    }

    static func findBinaries() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/initdb") {
            // Debian links initdb from /usr/local/bin or ships it only under /usr/lib/postgresql/N/bin.
            let resolved = URL(fileURLWithPath: "\(folder)/initdb").resolvingSymlinksInPath().deletingLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: resolved.appendingPathComponent("pg_ctl").path) { return resolved }
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let folder = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("initdb").path) { return folder }
        }
        return nil
    }

    /// A loopback port no one is listening on now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ClusterError("socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw ClusterError("bind: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the test PostgreSQL server could not be started.
struct ClusterError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
