/// 64-bit FNV-1a: a small, stable hash (Swift's `Hasher` is seeded per process), used for keys that must be
/// the same in every run — element names, words, the workspace files a kept resolution was made from.
@frozen public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The hash of everything added so far.
    @inlinable public var value: UInt64 { state }

    @inlinable public init() {}

    /// Mixes in each unit (a byte, or a UTF-16 unit) in order.
    @inlinable public mutating func add<Units: Sequence>(_ units: Units) where Units.Element: FixedWidthInteger & UnsignedInteger {
        for unit in units { state = (state ^ UInt64(unit)) &* 0x0000_0100_0000_01B3 }
    }

    /// The hash of `units` alone.
    @inlinable public static func hash<Units: Sequence>(_ units: Units) -> UInt64 where Units.Element: FixedWidthInteger & UnsignedInteger {
        var hasher = FNV1a()
        hasher.add(units)
        return hasher.value
    }
}
