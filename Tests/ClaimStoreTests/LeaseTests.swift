import ClaimStore
import Foundation
import Testing

/// Leases as fetchers sharing a store use them (the same statements run on PostgreSQL in TeamStoreTests).
@Suite struct LeaseTests {
    func store() throws -> (Store, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-lease-\(UUID().uuidString)")
        return (try Store(file: folder.appendingPathComponent("store.sqlite")), folder)
    }

    @Test func oneHolderAtATimeUntilReleasedOrLapsed() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let now = Date()
        let soon = now.addingTimeInterval(120)
        #expect(try store.takeLeases(["source a", "source b"], holder: "one", expires: soon, now: now) == ["source a", "source b"])
        // Held by another: refused; by itself: renewed.
        #expect(try store.takeLeases(["source a", "source c"], holder: "two", expires: soon, now: now) == ["source c"])
        #expect(try store.takeLeases(["source a"], holder: "one", expires: soon, now: now) == ["source a"])
        #expect(try store.leasesHeld(byOthersThan: "two", now: now) == ["source a": "one", "source b": "one"])
        // Released: free for the next.
        try store.releaseLeases(holder: "one", names: ["source a"])
        #expect(try store.takeLeases(["source a"], holder: "two", expires: soon, now: now) == ["source a"])
        // Lapsed (its holder stopped renewing): free after its time, not before; renewing keeps it.
        let later = now.addingTimeInterval(121)
        #expect(try store.takeLeases(["source b"], holder: "two", expires: soon, now: now).isEmpty)
        try store.renewLeases(holder: "one", expires: later.addingTimeInterval(120))
        #expect(try store.takeLeases(["source b"], holder: "two", expires: later.addingTimeInterval(120), now: later).isEmpty)
        #expect(try store.leasesHeld(byOthersThan: "one", now: later.addingTimeInterval(121)).isEmpty)
        #expect(try store.takeLeases(["source b"], holder: "two", expires: later.addingTimeInterval(300), now: later.addingTimeInterval(121)) == ["source b"])
        // "one" lost "source b" when it lapsed; "two" gives up all it holds.
        try store.releaseLeases(holder: "two")
        #expect(try store.leasesHeld(byOthersThan: "nobody", now: now).isEmpty)
    }

    @Test func aRunIDIsReservedOnce() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        #expect(try store.reserveRun(id: "2026-11-30T04:00:00Z", started: started, warcFile: "claimtrack-20261130T040000Z.warc.gz"))
        #expect(try !store.reserveRun(id: "2026-11-30T04:00:00Z", started: started, warcFile: "claimtrack-20261130T040000Z.warc.gz"))
        #expect(try store.runIDs() == ["2026-11-30T04:00:00Z"])
    }
}
