import ClaimCore
import ClaimStore
import Foundation

extension Pipeline {
    /// What `rereadForNewTerms` did: the terms the vocabulary gained and how many archived pages were read
    /// again for them.
    public struct Reread: Sendable {
        public var terms: [String]
        public var pages: Int
        public var diagnostics: [Diagnostic]

        /// "read again 1 archived page that mentions ecobee"; nil when there was nothing new.
        public var summary: String? {
            guard !terms.isEmpty else { return nil }
            return "read again \(pages) archived page\(pages == 1 ? " that mentions" : "s that mention") \(terms.joined(separator: ", "))"
        }
    }

    /// When Questions.list or Vocabulary.list has gained a subject, an alias or an attribute's cue since the
    /// stored pages were read, reads again just the archived pages whose text mentions one (the full-text
    /// index finds them), so no claim about it is missed and no full reparse is needed; then records the
    /// vocabulary. On a store that is level with the vocabulary it does nothing.
    public func rereadForNewTerms() throws -> Reread {
        let current = try workspace.vocabulary().terms
        let known = try store.vocabularyRead()
        // A store that has recorded no vocabulary yet was read with whatever it was read with: from now on
        // it is compared with this one (an older store indexes its pages' text on its next reparse).
        guard !known.isEmpty else {
            try store.recordVocabularyRead(current)
            return Reread(terms: [], pages: 0, diagnostics: [])
        }
        let new = current.subtracting(known).sorted()
        guard !new.isEmpty else { return Reread(terms: [], pages: 0, diagnostics: []) }
        let records = try store.recordsMentioning(new)
        try store.forget(recordIDs: records.map(\.recordID))
        var pages = 0
        var diagnostics: [Diagnostic] = []
        let files = Set(records.map(\.warcFile))
        for file in workspace.runFiles() where files.contains(file.lastPathComponent) {
            // The forgotten records are the only ones of the file the store lacks: they alone are read.
            let (outcome, _, _) = try ingest(file: file)
            pages += outcome.pages + outcome.unchanged
            diagnostics += outcome.diagnostics
        }
        try store.recordVocabularyRead(current)
        return Reread(terms: new, pages: pages, diagnostics: diagnostics)
    }

    /// Records that the stored pages have been read with the workspace's vocabulary as it is now (after a
    /// fetch or a reparse read every new page with it).
    public func recordVocabularyRead() throws {
        try store.recordVocabularyRead(try workspace.vocabulary().terms)
    }
}
