import Foundation

/// One `claimtrack fetch`, identified by its UTC start time; recorded in its WARC file and the store.
public struct Run: Codable, Sendable, Equatable {
    /// What went wrong for one source or URL in a run.
    public struct Failure: Codable, Sendable, Equatable {
        public var source: String
        public var url: String
        public var message: String
        public init(source: String, url: String, message: String) {
            self.source = source
            self.url = url
            self.message = message
        }
    }

    /// The start time, `2026-03-05T09:00:00Z`.
    public var id: String
    public var started: Date
    public var finished: Date?
    public var warcFile: String
    public var sources: [String]
    public var pages: Int
    public var claims: Int
    public var failures: [Failure]

    public init(id: String, started: Date, finished: Date? = nil, warcFile: String, sources: [String] = [],
                pages: Int = 0, claims: Int = 0, failures: [Failure] = []) {
        self.id = id
        self.started = started
        self.finished = finished
        self.warcFile = warcFile
        self.sources = sources
        self.pages = pages
        self.claims = claims
        self.failures = failures
    }
}
