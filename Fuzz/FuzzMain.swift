import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer's entry points, reached through the C ABI.
typealias FuzzerCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
typealias FuzzerDriver = @convention(c) (UnsafeMutablePointer<Int32>,
                                         UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                                         FuzzerCallback) -> Int32

/// The target libFuzzer's callback runs: set once in `main` before the driver starts.
nonisolated(unsafe) private var selectedTarget: FuzzTarget?

/// libFuzzer's own `main` is replaced by SwiftPM's; it still wants this symbol to link.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let bytes, let target = selectedTarget else { return 0 }
    target.run(Data(bytes: bytes, count: count))
    return 0
}

/// `claimtrack-fuzz <target> [libFuzzer options and corpus folders]` under libFuzzer (see Fuzz/run-fuzzers.sh);
/// in an ordinary build the same command replays the files it is given, which is how a finding is rechecked.
@main
struct ClaimtrackFuzz {
    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2 else { usage() }
        switch arguments[1] {
        case "--list":
            for target in FuzzTargets.all { print("\(target.name)\t\(target.summary)") }
            return
        case "--seeds":
            // `--seeds <target> <folder>`: copy the target's seed files into a corpus folder.
            guard arguments.count == 4, let target = FuzzTargets.named(arguments[2]) else { usage() }
            copySeeds(of: target, into: URL(fileURLWithPath: arguments[3]))
            return
        default:
            break
        }
        guard let target = FuzzTargets.named(arguments[1]) else {
            FileHandle.standardError.write(Data("claimtrack-fuzz: no target '\(arguments[1])'; --list shows them\n".utf8))
            exit(2)
        }
        selectedTarget = target
        arguments.remove(at: 1)
        if let driver = dlsym(dlopen(nil, RTLD_NOW), "LLVMFuzzerRunDriver") {
            var argc = Int32(arguments.count)
            var cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
            let status = cStrings.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var argv = buffer.baseAddress!
                return unsafeBitCast(driver, to: FuzzerDriver.self)(&argc, &argv, fuzzOneInput)
            }
            exit(status)
        }
        replay(arguments.dropFirst().filter { !$0.hasPrefix("-") }, through: target)
    }

    /// Runs each file (or each file in each folder) once, printing its name first so a crash names it.
    static func replay(_ paths: [String], through target: FuzzTarget) {
        var count = 0
        for path in paths {
            for file in FuzzTargets.files(under: [path], root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
                print("replay \(target.name): \(file.path)")
                guard let data = try? Data(contentsOf: file) else { continue }
                target.run(data)
                count += 1
            }
        }
        print("replayed \(count) input(s) through \(target.name) without a crash")
    }

    static func copySeeds(of target: FuzzTarget, into folder: URL) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for (index, file) in FuzzTargets.files(under: target.seedPaths, root: root).enumerated() {
            let copy = folder.appendingPathComponent(String(format: "seed-%04d-", index) + file.lastPathComponent)
            try? FileManager.default.removeItem(at: copy)
            try? FileManager.default.copyItem(at: file, to: copy)
        }
    }

    static func usage() -> Never {
        FileHandle.standardError.write(Data("usage: claimtrack-fuzz --list | --seeds <target> <folder> | <target> [libFuzzer options] [corpus...]\n".utf8))
        exit(2)
    }
}
