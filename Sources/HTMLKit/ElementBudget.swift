import Foundation

/// How much of a page is parsed. Real pages hold thousands of elements (the largest in the corpus, a
/// Geekbench chart, about 25,000); a page of millions — a hostile nesting of `<div>`s well under the size
/// limit — would cost gigabytes as a tree. Such a page is parsed only up to the element where the budget
/// ends, so what any page costs is bounded.
public enum ElementBudget {
    /// Eight times the largest real page.
    public static let elements = 200_000

    /// The byte offset where `data` starts its `limit + 1`th element (a `<` followed by a letter); nil when it
    /// holds no more than `limit`.
    public static func cut(_ data: Data, limit: Int = elements) -> Int? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int? in
            guard let base = bytes.baseAddress else { return nil }
            var count = 0, index = 0
            let size = bytes.count
            while index < size, let found = memchr(base + index, 0x3C, size - index) {
                let at = base.distance(to: UnsafeRawPointer(found))
                if at + 1 < size {
                    let next = bytes[at + 1] | 0x20  // lower case
                    if next >= 0x61 && next <= 0x7A {
                        count += 1
                        if count > limit { return at }
                    }
                }
                index = at + 1
            }
            return nil
        }
    }
}
