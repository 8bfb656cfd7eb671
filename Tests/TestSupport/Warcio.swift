import Foundation

/// warcio (PyPI), the independent WARC implementation the tests check archives with.
public enum Warcio {
    /// Runs warcio's command line through python3, so no PATH shim is needed; output is stdout and stderr.
    public static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
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
