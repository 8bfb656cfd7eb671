import Foundation

/// Decides which character encoding to hand libxml2: byte-order mark, then the HTTP header, then the
/// page's own `<meta charset>`, then UTF-8 if the bytes are valid UTF-8, else Windows-1252.
public enum Charset {
    /// The encoding name libxml2 should use for `data`.
    public static func detect(_ data: Data, declared: String? = nil) -> String {
        if let bom = byteOrderMark(data) { return bom }
        if let declared = normalized(declared) { return declared }
        if let meta = metaDeclaration(data) { return meta }
        return isValidUTF8(data) ? "UTF-8" : "windows-1252"
    }

    /// The `charset=` parameter of a Content-Type header value, if any.
    public static func fromContentType(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for part in contentType.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }

    static func byteOrderMark(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(3))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if head.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if head.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// Browsers treat a declared Latin-1 as Windows-1252; so do we.
    static func normalized(_ name: String?) -> String? {
        guard let name = name?.trimmingCharacters(in: .whitespaces).lowercased(), !name.isEmpty else { return nil }
        switch name {
        case "iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii": return "windows-1252"
        case "utf8": return "UTF-8"
        default: return name
        }
    }

    /// Looks for `charset=` inside the first 1,024 bytes, as the HTML prescan does. Bytes, not a decoded
    /// String: a String lower-cased and searched through Foundation was a twentieth of a reparse.
    static func metaDeclaration(_ data: Data) -> String? {
        let head = data.prefix(1024).withUnsafeBytes { raw in raw.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 } }
        let marker = Array("charset=".utf8)
        guard head.count >= marker.count,
              let found = (0...(head.count - marker.count)).first(where: { head[$0] == marker[0] && head[$0..<($0 + marker.count)].elementsEqual(marker) })
        else { return nil }
        let isQuoteOrSpace: (UInt8) -> Bool = { $0 == 0x22 || $0 == 0x27 || $0 == 0x20 }
        let isNamePart: (UInt8) -> Bool = { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 0x2D || $0 == 0x5F }
        let name = head[(found + marker.count)...].drop(while: isQuoteOrSpace).prefix(while: isNamePart)
        return normalized(String(decoding: name, as: UTF8.self))
    }

    static func isValidUTF8(_ data: Data) -> Bool {
        String(data: data, encoding: .utf8) != nil
    }
}
