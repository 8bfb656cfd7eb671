/// What can go wrong reading or writing the archive; each message carries the file and, for a damaged
/// record, its offset.
public enum ArchiveError: Error, CustomStringConvertible, Equatable {
    /// A WARC file that cannot be opened, read, written or synced.
    case file(path: String, reason: String)
    /// A record that cannot be read where it starts (the walk goes on at the next whole one).
    case corrupt(file: String, offset: Int, reason: String)
    /// An incomplete final record: what a process killed while writing leaves.
    case torn(file: String, offset: Int, reason: String)
    /// A gzip member that cannot be compressed or decompressed.
    case compression(reason: String)

    public var description: String {
        switch self {
        case .file(let path, let reason): "\(path): \(reason)"
        case .corrupt(let file, let offset, let reason): "\(file) at offset \(offset): \(reason)"
        case .torn(let file, let offset, let reason): "\(file) at offset \(offset): incomplete final record (\(reason))"
        case .compression(let reason): "gzip: \(reason)"
        }
    }
}
