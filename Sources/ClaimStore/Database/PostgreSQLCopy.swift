import Foundation
import Logging
import NIOCore
import PostgresNIO

extension PostgreSQLConnection {
    /// Rows nothing reads back go in by `COPY … FROM STDIN` in PostgreSQL's text format: no statement to parse
    /// or plan per thousand rows, which bounded multi-row INSERTs.
    func insert(into table: String, columns: [String], rows: some Sequence<[any SQLArgument]>) throws {
        let step = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        // The caller waits while the rows are read on the bridge's thread: they are never used from two at once.
        let (connection, logger, rows) = (self.connection, self.logger, Unchecked(AnySequence(rows)))
        do {
            try AsyncBridge.shared.wait {
                let iterator = rows.value.makeIterator()
                guard var first = iterator.next() else { return }
                // postgres-nio quotes the names it is given; the schema's were written unquoted, so folded to lower case.
                try await connection.copyFrom(table: table.lowercased(), columns: columns.map { $0.lowercased() }, logger: logger) { writer in
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(1 << 20)
                    while true {
                        for (index, value) in first.enumerated() {
                            if index > 0 { bytes.append(UInt8(ascii: "\t")) }
                            Self.appendCopyText(value.sqlValue, to: &bytes)
                        }
                        bytes.append(UInt8(ascii: "\n"))
                        if bytes.count >= 1 << 20 {
                            try await writer.write(ByteBuffer(bytes: bytes))
                            bytes.removeAll(keepingCapacity: true)
                        }
                        guard let next = iterator.next() else { break }
                        first = next
                    }
                    if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
                }
            }
        } catch {
            throw PostgreSQLError(error, doing: step)
        }
    }

    /// A value as COPY's text format writes it: `\N` for null; a backslash, tab, line feed or carriage return
    /// in text escaped; a time to the microsecond, truncated as postgres-nio binds one.
    static func appendCopyText(_ value: SQLValue, to bytes: inout [UInt8]) {
        switch value {
        case .integer(let number?): bytes += String(number).utf8
        case .real(let number?):
            bytes += (number.isNaN ? "NaN" : number.isInfinite ? (number > 0 ? "Infinity" : "-Infinity") : "\(number)").utf8
        case .text(let text?):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: bytes.append(byte)
                }
            }
        case .date(let date?): appendCopyText(date, to: &bytes)
        case .integer(nil), .real(nil), .text(nil), .date(nil): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
        }
    }

    /// `2026-03-30 14:00:00.000000+00`, digit by digit (String(format:) cost a quarter of a bulk insert).
    static func appendCopyText(_ date: Date, to bytes: inout [UInt8]) {
        let sinceY2K = Int64(date.timeIntervalSince(Date(timeIntervalSince1970: 946_684_800)) * 1_000_000)
        var (seconds, micro) = sinceY2K.quotientAndRemainder(dividingBy: 1_000_000)
        if micro < 0 { (seconds, micro) = (seconds - 1, micro + 1_000_000) }
        var whole = time_t(seconds + 946_684_800)
        var parts = tm()
        gmtime_r(&whole, &parts)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2)
        bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2)
        bytes.append(UInt8(ascii: " "))
        digits(Int(parts.tm_hour), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2)
        bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2)
        bytes.append(UInt8(ascii: "."))
        digits(Int(micro), 6)
        bytes += "+00".utf8
    }
}

/// Waits, from the store's synchronous code, on postgres-nio's async-only calls (COPY). Their task runs on
/// a thread of its own rather than Swift's shared pool, which a caller inside an async function may be
/// holding while it waits.
final class AsyncBridge: TaskExecutor, @unchecked Sendable {
    static let shared = AsyncBridge()
    private let queue = DispatchQueue(label: "claimtrack.store.async-bridge")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    func wait(_ operation: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task(executorPreference: self) {
            do { try await operation() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    private final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
}

/// A value handed to the bridge's thread while its owner waits, unused by the owner until it is done.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
