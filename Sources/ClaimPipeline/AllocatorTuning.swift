#if canImport(Glibc)
import Glibc
#endif

/// Process-wide allocator settings for a process that parses and frees thousands of documents.
enum AllocatorTuning {
    /// glibc's fast bins keep small freed chunks apart until a larger request merges them all
    /// (`malloc_consolidate`); after each freed libxml2 tree that merge was an eighth of a reparse.
    /// Without fast bins the per-thread cache still serves small requests, and a reparse of 1,000 real
    /// pages runs about a sixth faster at the same peak memory (README, "Speed"). Applied once per process.
    static let applied: Bool = {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module does not export: look it up.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let maximumFastChunk: Int32 = 1  // M_MXFAST
        return unsafeBitCast(symbol, to: Mallopt.self)(maximumFastChunk, 0) == 1
        #else
        return false
        #endif
    }()
}
