import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A benchmark's child process: what it printed, how long it took and its peak resident memory.
public struct ChildRun {
    public var status: Int32
    /// The first 64 KB of what it printed (a large output is counted, not kept: holding it would raise
    /// this process's peak, which the next child spawned from here would inherit).
    public var output: String
    public var lines: Int
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
        let seconds = Date().timeIntervalSince(start)
        var head = Data(), lines = 0
        if let handle = try? FileHandle(forReadingFrom: output) {
            while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                if head.count < 1 << 16 { head.append(chunk.prefix((1 << 16) - head.count)) }
                lines += chunk.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
            }
            try? handle.close()
        }
        return ChildRun(status: (status >> 8) & 0xFF, output: String(decoding: head, as: UTF8.self), lines: lines,
                        seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024)
    }
}
