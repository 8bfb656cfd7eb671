/// Something a reader, extractor or fetcher wants the user to know; never silent, never fatal to the run.
public struct Diagnostic: Codable, Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable { case error, warning, note }

    public var severity: Severity
    /// Plugin id, or a file name for input files.
    public var source: String?
    /// The URL, or `file:line`, the problem is about.
    public var location: String?
    public var message: String

    public init(_ severity: Severity, source: String? = nil, location: String? = nil, _ message: String) {
        self.severity = severity
        self.source = source
        self.location = location
        self.message = message
    }

    /// `warning: macrumors: https://…: no article body matched`.
    public var description: String {
        ([severity.rawValue] + [source, location].compactMap { $0 } + [message]).joined(separator: ": ")
    }
}

extension Diagnostic {
    /// A plugin's warning about a page it read: `warning: macrumors: https://…: no article body matched …`.
    public static func warning(_ message: String, source: String, page: FetchedPage) -> Diagnostic {
        Diagnostic(.warning, source: source, location: page.url.absoluteString, message)
    }
}
