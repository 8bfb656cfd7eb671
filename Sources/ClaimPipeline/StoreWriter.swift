import ClaimStore
import Foundation

/// Stores batches in order, either at once or on a thread of its own with one batch in flight, so
/// memory stays one batch ahead of the store and a failed write surfaces at the next call.
final class StoreWriter: @unchecked Sendable {
    private let store: Store
    private let queue: DispatchQueue?
    private let inFlight = DispatchGroup()
    private let lock = NSLock()
    private var failure: Error?

    init(store: Store, inBackground: Bool) {
        self.store = store
        queue = inBackground ? DispatchQueue(label: "claimtrack.store-writer") : nil
    }

    func submit(_ entries: [Store.Entry]) throws {
        try finish()
        guard let queue else { return try store.insert(entries) }
        inFlight.enter()
        queue.async {
            do { try self.store.insert(entries) } catch { self.lock.withLock { self.failure = error } }
            self.inFlight.leave()
        }
    }

    /// Waits for the batch in flight; throws its error, if it had one.
    func finish() throws {
        inFlight.wait()
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
