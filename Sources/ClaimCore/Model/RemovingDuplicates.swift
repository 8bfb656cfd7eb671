extension Sequence where Element: Hashable {
    /// The elements in order, each kept once (its first occurrence).
    public func removingDuplicates() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
