import ClaimCore
import Foundation

/// A page as it stands in one state: its latest capture at or before a run.
public struct PageState: Codable, Sendable, Equatable {
    public var url: String
    public var recordID: String
    public var payloadDigest: String?
    /// The HTTP status of that capture (a 404 or 410 means the page is gone).
    public var status: Int

    public init(url: String, recordID: String, payloadDigest: String?, status: Int) {
        self.url = url
        self.recordID = recordID
        self.payloadDigest = payloadDigest
        self.status = status
    }
}

/// What changed between two runs, claim by claim.
public struct ClaimDiff: Codable, Sendable {
    /// A claim whose value changed on the same page: the old and the new, each with its citation.
    public struct Change: Codable, Sendable {
        public var old: Claim
        public var new: Claim
    }

    /// A question whose status moved.
    public struct StatusChange: Codable, Sendable {
        public var id: String
        public var text: String
        public var from: QuestionStatus
        public var to: QuestionStatus
    }

    /// Contradictions that appeared or cleared.
    public struct Contradictions: Codable, Sendable {
        public var appeared: [Contradiction]
        public var cleared: [Contradiction]
    }

    /// Pages new, updated (a different capture whose claims or bytes changed) or gone (404/410).
    public struct Pages: Codable, Sendable {
        public var new: [String]
        public var updated: [String]
        public var gone: [String]
    }

    public var from: String?
    public var to: String?
    public var added: [Claim]
    public var retracted: [Claim]
    public var changed: [Change]
    public var questions: [StatusChange]
    public var contradictions: Contradictions
    public var pages: Pages

    public var isEmpty: Bool {
        added.isEmpty && retracted.isEmpty && changed.isEmpty && questions.isEmpty && contradictions.appeared.isEmpty
            && contradictions.cleared.isEmpty && pages.new.isEmpty && pages.updated.isEmpty && pages.gone.isEmpty
    }

    /// Compares two resolved states. Claims are matched by what they say (page, subject, attribute,
    /// qualifier, value, valid time), never by which capture holds them, so a page re-captured with a new
    /// template but the same text changes nothing. Pages are matched by `Links.pageKey`, so neither does
    /// one that moved from http to https or lost its `www.`.
    public static func compute(from: String?, to: String?,
                               old: (claims: [Claim], pages: [PageState], questions: [QuestionState]),
                               new: (claims: [Claim], pages: [PageState], questions: [QuestionState])) -> ClaimDiff {
        // Page keys parse URLs: once per distinct URL, not once per claim and page.
        var pageKeys: [String: String] = [:]
        func pageKey(_ url: String) -> String {
            if let known = pageKeys[url] { return known }
            let key = Links.pageKey(url)
            pageKeys[url] = key
            return key
        }
        func slot(_ claim: Claim) -> String {
            [pageKey(claim.citation?.url ?? ""), claim.subject, claim.attribute, claim.qualifier ?? ""].joined(separator: "\u{1F}")
        }
        func statement(_ claim: Claim) -> String {
            [claim.value.display, claim.validTime?.start ?? "", claim.validTime?.end ?? "", claim.confidence.label.rawValue].joined(separator: "\u{1F}")
        }
        // What both states say is unchanged; what is left is paired within its slot as a change.
        let unchanged = unpaired(old: old.claims, new: new.claims) { slot($0) + "\u{1E}" + statement($0) }
        let oldSlots = Dictionary(grouping: unchanged.old, by: slot)
        let newSlots = Dictionary(grouping: unchanged.new, by: slot)
        var added: [Claim] = [], retracted: [Claim] = [], changed: [Change] = []
        for key in Set(oldSlots.keys).union(newSlots.keys).sorted() {
            let before = oldSlots[key] ?? []
            let after = newSlots[key] ?? []
            let pairs = min(before.count, after.count)
            changed += zip(before.prefix(pairs), after.prefix(pairs)).map { Change(old: $0, new: $1) }
            retracted += before.dropFirst(pairs)
            added += after.dropFirst(pairs)
        }
        let oldStatus = Dictionary(uniqueKeysWithValues: old.questions.map { ($0.id, $0.status) })
        let questions = new.questions.compactMap { state -> StatusChange? in
            let previous = oldStatus[state.id] ?? .open
            return previous == state.status ? nil : StatusChange(id: state.id, text: state.text, from: previous, to: state.status)
        }
        func contradictionKey(_ contradiction: Contradiction) -> String {
            contradiction.claims.map { slot($0) + statement($0) }.sorted().joined(separator: "\u{1E}")
        }
        let oldContradictions = old.questions.flatMap(\.contradictions)
        let newContradictions = new.questions.flatMap(\.contradictions)
        let oldKeys = Set(oldContradictions.map(contradictionKey)), newKeys = Set(newContradictions.map(contradictionKey))
        let oldPages = Dictionary(old.pages.map { (pageKey($0.url), $0) }, uniquingKeysWith: { first, _ in first })
        var pages = Pages(new: [], updated: [], gone: [])
        for page in new.pages.sorted(by: { $0.url < $1.url }) where page.status != 304 {  // 304: not modified
            let gone = page.status == 404 || page.status == 410
            guard let before = oldPages[pageKey(page.url)] else {
                if !gone { pages.new.append(page.url) }
                continue
            }
            if gone && !(before.status == 404 || before.status == 410) {
                pages.gone.append(page.url)
            } else if !gone && before.recordID != page.recordID && before.payloadDigest != page.payloadDigest {
                pages.updated.append(page.url)
            }
        }
        return ClaimDiff(from: from, to: to, added: added, retracted: retracted, changed: changed, questions: questions,
                         contradictions: Contradictions(appeared: newContradictions.filter { !oldKeys.contains(contradictionKey($0)) },
                                                        cleared: oldContradictions.filter { !newKeys.contains(contradictionKey($0)) }),
                         pages: pages)
    }

    /// Pairs off what both sides hold, as many times as both hold it, and returns what is left of each in
    /// its original order: a multiset difference by `key`.
    public static func unpaired<Item>(old: [Item], new: [Item], key: (Item) -> String) -> (old: [Item], new: [Item]) {
        let newKeys = new.map(key)
        var available: [String: Int] = [:]
        for newKey in newKeys { available[newKey, default: 0] += 1 }
        var paired: [String: Int] = [:]
        let oldLeft = old.filter { item in
            let oldKey = key(item)
            guard let count = available[oldKey], count > 0 else { return true }
            available[oldKey] = count - 1
            paired[oldKey, default: 0] += 1
            return false
        }
        var newLeft: [Item] = []
        for (item, newKey) in zip(new, newKeys) {
            if let count = paired[newKey], count > 0 { paired[newKey] = count - 1 } else { newLeft.append(item) }
        }
        return (oldLeft, newLeft)
    }
}
