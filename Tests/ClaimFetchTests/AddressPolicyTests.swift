import ClaimCore
@testable import ClaimFetch
import Foundation
import Testing

/// Which hosts are internal, and where a page of a source may lead.
@Suite struct AddressPolicyTests {
    @Test func internalAddressesByRange() {
        for host in ["127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
                     "0.0.0.0", "100.64.0.1", "::1", "[::1]", "::", "fc00::1", "fd12:3456::1", "fe80::1", "::ffff:10.0.0.1",
                     "localhost", "api.localhost", "metadata.google.internal"] {
            #expect(AddressPolicy.isInternal(host), "\(host)")
        }
        for host in ["8.8.8.8", "172.15.0.1", "172.32.0.1", "192.169.0.1", "169.253.0.1", "100.128.0.1", "2001:db8::1",
                     "fb00::1", "fec0::1", "::ffff:8.8.8.8", "[2606:4700::1]"] {
            #expect(!AddressPolicy.isInternal(host), "\(host)")
        }
    }

    @Test func aPageLeadsToHttpAndToInternalHostsOnlyItsLineNames() {
        func entry(_ url: String) -> SourceEntry { SourceEntry(plugin: "generic", url: URL(string: url)!, options: [:], location: "Sources.list:1") }
        let literalInternal: (String) -> Bool = { AddressPolicy.address($0.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))).map(AddressPolicy.isInternal) ?? false }
        func refused(_ target: String, from source: String) -> Bool {
            AddressPolicy.refusal(of: URL(string: target)!, from: entry(source), isInternal: literalInternal) != nil
        }
        #expect(refused("file:///etc/passwd", from: "https://news.example/feed"))
        #expect(refused("ftp://news.example/x", from: "https://news.example/feed"))
        #expect(refused("http://10.0.0.5/admin", from: "https://news.example/feed"))
        #expect(refused("http://169.254.169.254/latest/meta-data/", from: "http://127.0.0.1:8080/feed"))
        #expect(refused("http://127.0.0.2:8080/a", from: "http://127.0.0.1:8080/feed"))
        #expect(!refused("http://127.0.0.1:8080/a", from: "http://127.0.0.1:8080/feed"))
        #expect(!refused("https://93.184.216.34/story", from: "https://news.example/feed"))
        // A file the user listed may point at the files beside it, and at the web.
        #expect(!refused("file:///home/me/pages/b.html", from: "file:///home/me/pages/index.html"))
        #expect(!refused("https://www.macrumors.com/", from: "file:///home/me/pages/index.html"))
    }

    @Test func loopbackHostsAreAskedWithoutDelay() {
        #expect(["localhost", "127.0.0.1", "127.0.0.2", "::1", "[::1]"].allSatisfy(AddressPolicy.isLoopback))
        #expect(!["10.0.0.1", "::2", "example.com", "127.example.com"].contains(where: AddressPolicy.isLoopback))
    }
}
