import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A benchmark's child process: what it printed, how long it took and its peak resident memory.
public struct ChildRun {
    public var status: Int32
    public var output: String
    public var seconds: Double
    public var peakMB: Double

    /// Runs `executable` with `arguments` (stderr discarded) and measures it with wait4's rusage, so each
    /// figure belongs to that process alone.
    public static func measure(_ executable: URL, _ arguments: [String]) -> ChildRun {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Date()
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, environ) == 0 else { fatalError("cannot start \(executable.path)") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return ChildRun(status: (status >> 8) & 0xFF, output: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
                        seconds: Date().timeIntervalSince(start), peakMB: Double(usage.ru_maxrss) / 1024)
    }
}
