import ClaimCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a page may lead a run. The user's Sources.list line is trusted; what a fetched page says (its links,
/// its redirects) is not: a page on the web leads only to http and https, and only a line that names a
/// loopback, private, link-local or metadata host may lead the run to that host.
public enum AddressPolicy {
    /// Why the run does not follow `target` from a page of `entry`'s source; nil when it may.
    /// `isInternal` classifies a host (by default: its literal address, else what it resolves to).
    public static func refusal(of target: URL, from entry: SourceEntry,
                               isInternal: (String) -> Bool = AddressPolicy.isInternal) -> String? {
        let scheme = target.scheme?.lowercased() ?? ""
        if entry.url.isFileURL {
            // A file the user listed may point at the files beside it.
            if scheme == "file" { return nil }
        }
        guard scheme == "http" || scheme == "https" else {
            return "a page may lead only to http and https (\(scheme.isEmpty ? "no scheme" : scheme + ":") is read only when Sources.list names it)"
        }
        guard let host = target.host?.lowercased() else { return "no host" }
        if host == entry.url.host?.lowercased() { return nil }
        if isInternal(host) {
            return "\(host) is a loopback, private, link-local or metadata address, and only a Sources.list line naming it may lead there"
        }
        return nil
    }

    /// Whether `host` is, or resolves to, a loopback (127/8, ::1), private (10/8, 172.16/12, 192.168/16,
    /// fc00::/7), link-local or metadata (169.254/16, fe80::/10), unspecified (0/8, ::) or carrier-grade NAT
    /// (100.64/10) address. A name that does not resolve is not internal (its fetch fails on its own).
    public static func isInternal(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare == "metadata.google.internal" { return true }
        if let literal = address(bare) { return isInternal(literal) }
        return resolve(bare).contains(where: isInternal)
    }

    /// Whether `host` names this machine by itself (`localhost`, 127/8, ::1), literally: such a host is asked
    /// with no delay between requests (the tests' servers).
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        guard bare != "localhost" else { return true }
        guard let address = address(bare) else { return false }
        return address.count == 4 ? address[0] == 127 : address == Array(repeating: 0, count: 15) + [1]
    }

    /// An IP address's bytes: 4 for IPv4, 16 for IPv6.
    typealias Address = [UInt8]

    static func isInternal(_ address: Address) -> Bool {
        if address.count == 4 {
            let (a, b) = (address[0], address[1])
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
                || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b))
        }
        guard address.count == 16 else { return false }
        if address.dropLast().allSatisfy({ $0 == 0 }) { return address[15] <= 1 }  // :: and ::1
        if address[0] & 0xFE == 0xFC { return true }  // fc00::/7
        if address[0] == 0xFE && address[1] & 0xC0 == 0x80 { return true }  // fe80::/10
        if address.prefix(10).allSatisfy({ $0 == 0 }) && address[10] == 0xFF && address[11] == 0xFF {
            return isInternal(Array(address.suffix(4)))  // ::ffff:a.b.c.d
        }
        return false
    }

    /// The bytes of a literal IPv4 or IPv6 address; nil for a name.
    static func address(_ text: String) -> Address? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }

    /// The addresses a name resolves to (none when it does not).
    static func resolve(_ name: String) -> [Address] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var next = list
        while let info = next?.pointee {
            if info.ai_family == AF_INET, let raw = info.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { addresses.append(withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) }) }
            } else if info.ai_family == AF_INET6, let raw = info.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { addresses.append(withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) }) }
            }
            next = info.ai_next
        }
        return addresses
    }
}

/// `AddressPolicy` with each host classified once per run (a name is resolved once, not once per link).
final class HostClassifier: @unchecked Sendable {
    private var known: [String: Bool] = [:]
    private let lock = NSLock()

    func refusal(of target: URL, from entry: SourceEntry) -> String? {
        AddressPolicy.refusal(of: target, from: entry) { host in
            if let answer = lock.withLock({ known[host] }) { return answer }
            let answer = AddressPolicy.isInternal(host)
            lock.withLock { known[host] = answer }
            return answer
        }
    }
}
