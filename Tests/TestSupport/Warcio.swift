import Foundation

/// warcio (PyPI), the independent WARC implementation the tests check archives with. Optional: where the
/// module is absent, each check says on one line what it skipped and how to enable it, and passes.
public enum Warcio {
    /// Whether `python3 -c "import warcio"` works here (asked once per test process).
    public static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import warcio"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Runs warcio's command line through python3, so no PATH shim is needed; output is stdout and stderr.
    /// Nil, after a one-line note naming `purpose`, when warcio is not installed.
    public static func run(_ arguments: [String], purpose: String) throws -> (status: Int32, output: String)? {
        guard isAvailable else {
            print("skipped: \(purpose) with warcio, which is not installed (pip install warcio)")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; from warcio.cli import main; sys.exit(main(sys.argv[1:]))"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
