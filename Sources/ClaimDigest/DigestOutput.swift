import Foundation

/// Where a digest is written: its bytes handed to a sink a megabyte at a time.
public final class DigestOutput {
    private let sink: (Data) throws -> Void
    private var buffer = Data()

    public init(_ sink: @escaping (Data) throws -> Void) {
        self.sink = sink
    }

    func write(_ text: String) throws { try write(Data(text.utf8)) }

    func write(_ data: Data) throws {
        buffer.append(data)
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// What went wrong while writing a digest, with the file it concerns.
public struct DigestError: Error, CustomStringConvertible {
    public let description: String

    init(_ operation: String, path: String, _ error: Error) {
        description = "digest: \(operation) \(path): \(error.localizedDescription)"
    }
}

/// A list of a digest's items (its questions, its references…) written before the list's place in the
/// document comes: held in memory up to a few megabytes, then in a temporary file, unlinked as soon as it
/// is open so that nothing is left behind whatever stops the process; copied into the output in its turn.
final class Spool {
    private let separator: Data
    private(set) var isEmpty = true
    private var buffer = Data()
    private var file: (path: String, handle: FileHandle)?

    /// A list whose items are joined by `separator`.
    init(separator: String) {
        self.separator = Data(separator.utf8)
    }

    deinit { try? file?.handle.close() }

    func append(_ item: String) throws {
        if !isEmpty { buffer.append(separator) }
        isEmpty = false
        buffer.append(contentsOf: item.utf8)
        if buffer.count >= 4 << 20 { try spill() }
    }

    private func spill() throws {
        if file == nil {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-digest-\(UUID().uuidString)").path
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { throw DigestError("cannot create", path: path, POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)) }
            unlink(path)
            file = (path, FileHandle(fileDescriptor: descriptor, closeOnDealloc: true))
        }
        do { try file!.handle.write(contentsOf: buffer) } catch { throw DigestError("cannot write", path: file!.path, error) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The list's items, in the order they came, into `output`.
    func copy(into output: DigestOutput) throws {
        if let (path, handle) = file {
            func read() throws -> Data {
                do { return try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw DigestError("cannot read back", path: path, error) }
            }
            do { try handle.seek(toOffset: 0) } catch { throw DigestError("cannot read back", path: path, error) }
            while case let chunk = try read(), !chunk.isEmpty { try output.write(chunk) }
        }
        try output.write(buffer)
    }
}
