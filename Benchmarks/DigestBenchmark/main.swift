import ClaimCore
import ClaimDigest
import ClaimResolver
import Foundation

// Digest rendering time for a large store: N claims (default 10,000) over 100 questions, in every format.
// Run: swift run -c release digest-benchmark [N]

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 10_000
let labels = Confidence.Label.allCases
let subjects = ["Mac Studio", "M5 Ultra", "Mac Pro", "iPad Pro", "MacBook Pro"]
var claims: [Claim] = []
claims.reserveCapacity(count)
for index in 0..<count {
    let day = Date(timeIntervalSince1970: 1_767_225_600 + Double(index % 365) * 86_400)
    let value = index % 3 == 0
        ? Value(type: .period, text: "June 2026", start: "2026-06-01", end: "2026-06-30")
        : Value(type: .money, text: "$\(1000 + index % 900)", number: Double(1000 + index % 900), currency: "USD")
    let subject = subjects[index % subjects.count]
    claims.append(Claim(subject: subject, attribute: index % 3 == 0 ? "release-date" : "price", qualifier: "config \(index % 20)",
                        value: value, confidence: Confidence(score: 0.5, label: labels[index % labels.count], reasons: ["cue"]),
                        quote: "Sentence \(index) about the \(subject) with <markup> & \"quotes\".", statedAt: day,
                        citation: Citation(url: "https://example.com/\(index / 10)", publisher: "Publisher \(index % 7)",
                                           title: "Title \(index / 10)", published: day, retrieved: day,
                                           warcRecordID: "<urn:uuid:\(index)>", payloadDigest: "sha1:X\(index)")))
}
let questions = (0..<100).map { index in
    Question(id: "q\(index)", text: "Question \(index)?", subjects: [subjects[index % subjects.count]],
             attribute: index % 2 == 0 ? "price" : "release-date", qualifier: "config \(index % 20)")
}
let resolveStart = Date()
let (linked, states) = Resolver.resolve(questions: questions, claims: claims)
let resolveTime = Date().timeIntervalSince(resolveStart)
let input = DigestInput(workspace: "benchmark", run: "2026-03-30T14:00:00Z", questions: states, claims: linked)

func time(_ name: String, _ render: () throws -> String) throws {
    let start = Date()
    let text = try render()
    print(name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: " %8.3f s  %8.1f MB", Date().timeIntervalSince(start), Double(text.utf8.count) / 1_000_000))
}
print("\(count) claims, 100 questions (resolve: \(String(format: "%.3f", resolveTime)) s)")
print("format      render       size")
for format in DigestFormat.allCases { try time(format.rawValue) { try format.render(input) } }
