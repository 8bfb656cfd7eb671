import Foundation

/// Reads the text files a user writes (Sources.list, Questions.list, Vocabulary.list) strictly: a file that
/// is not UTF-8 is an error at the line and byte where it stops being UTF-8, never an empty file, so nothing
/// reads it as "no questions" and nothing rewrites it from that.
public enum WorkspaceText {
    /// The file's text; nil when it does not exist.
    public static func read(_ file: URL) throws -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) else { return nil }
        let name = file.lastPathComponent
        guard !isFolder.boolValue else {
            throw InputFileError([.init(file: name, line: 0, message: "is a folder, not a text file")])
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw InputFileError([.init(file: name, line: 0, message: "cannot read: \(error.localizedDescription)")])
        }
        return try decode(data, file: name)
    }

    /// `data` as UTF-8, or the problem at the first byte that is not.
    public static func decode(_ data: Data, file: String) throws -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar):
                offset += scalar.count
            case .error(let length):
                let line = data.prefix(offset).reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                let shown = data.dropFirst(offset).prefix(max(1, length)).map { String(format: "0x%02X", $0) }.joined(separator: " ")
                throw InputFileError([.init(file: file, line: line, message: "not UTF-8: byte \(shown) at offset \(offset); save the file as UTF-8 (nothing was read or changed)")])
            case .emptyInput:
                // Foundation refused what the parser accepts (a NUL-free file it still would not take).
                throw InputFileError([.init(file: file, line: 1, message: "not readable as UTF-8; save the file as UTF-8 (nothing was read or changed)")])
            }
        }
    }
}
