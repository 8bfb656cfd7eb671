import Foundation

/// Amounts: money in dollars and other currencies, data sizes, ratios and percentages of performance,
/// multiples, scores out of a scale, and plain numbers.
extension ValueRecognizer {
    func amounts(into matches: inout ValueMatches, _ gates: ValueGates) {
        matches.each(Self.money, when: gates.money) { _, g in
            guard var amount = Double((g(2) ?? "").replacingOccurrences(of: ",", with: "") + (g(3) ?? "")) else { return nil }
            switch g(4)?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "million": amount *= 1_000_000
            case "billion": amount *= 1_000_000_000
            case "k": amount *= 1_000
            default: break
            }
            let currency = switch g(1) {
            case "AU", "A": "AUD"
            case "CA", "C": "CAD"
            case "NZ": "NZD"
            case "HK": "HKD"
            case "S": "SGD"
            default: "USD"
            }
            return Value(type: .money, text: g(0)!, number: amount, currency: currency)
        }
        matches.each(Self.otherMoney, when: gates.otherMoney) { _, g in
            let symbol = (g(1) ?? g(7) ?? "").trimmingCharacters(in: CharacterSet(charactersIn: " .")).lowercased()
            let currency = switch symbol {
            case "€", "eur", "euro", "euros": "EUR"
            case "£", "gbp": "GBP"
            case "¥": "JPY"
            default: "INR"
            }
            let digits = (g(2) ?? g(5) ?? "").replacingOccurrences(of: ",", with: "") + (g(3) ?? g(6) ?? "")
            guard var amount = Double(digits) else { return nil }
            switch g(4)?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "million": amount *= 1_000_000
            case "billion": amount *= 1_000_000_000
            default: break
            }
            return Value(type: .money, text: g(0)!, number: amount, currency: currency)
        }
        matches.each(Self.dataSize, when: gates.dataSize) { _, g in
            guard let amount = Double(g(1) ?? "") else { return nil }
            return Value(type: .quantity, text: g(0)!, number: amount, unit: g(2)!.uppercased())
        }
        matches.each(Self.ratio, when: gates.ratio) { _, g in
            guard let factor = Double(g(1) ?? ""), factor > 0 else { return nil }
            let slower = ["slower", "worse"].contains(g(2)!.lowercased())
            return Value(type: .ratio, text: g(0)!, number: slower ? Self.round(1 / factor) : factor, unit: "x")
        }
        matches.each(Self.percent, when: gates.percent) { _, g in
            guard let percent = Double(g(1) ?? "") else { return nil }
            let slower = ["slower", "worse"].contains(g(2)!.lowercased())
            return Value(type: .ratio, text: g(0)!, number: Self.round(slower ? 1 - percent / 100 : 1 + percent / 100), unit: "x")
        }
        matches.each(Self.multiple, when: gates.multiple) { _, g in
            let factor: Double = switch g(2)!.lowercased() {
            case "double", "twice": 2
            case "triple", "three times": 3
            default: 0.5
            }
            return Value(type: .ratio, text: g(0)!, number: factor, unit: "x")
        }
        matches.each(Self.score, when: gates.score) { _, g in
            guard let score = Double(g(1) ?? ""), let scale = Double(g(2) ?? ""), score <= scale else { return nil }
            return Value(type: .score, text: g(0)!, number: score, unit: "/" + g(2)!)
        }
        matches.each(Self.number, when: gates.number) { _, g in
            let written = g(1)!
            let thousands = written.hasSuffix("K") || written.hasSuffix("k")
            // Grouping commas out and a K suffix off, by hand: Foundation's string functions ran per number.
            var plain = Substring(written.filter { $0 != "," })
            while plain.last == "K" || plain.last == "k" { plain = plain.dropLast() }
            while plain.first == "K" || plain.first == "k" { plain = plain.dropFirst() }
            guard let base = Double(plain) else { return nil }
            // A four-digit number between 1990 and 2100 with no grouping comma is a year, not a score.
            if !thousands, !written.contains(","), (1990...2100).contains(base) { return nil }
            return Value(type: .number, text: written, number: thousands ? base * 1000 : base)
        }
    }
}
