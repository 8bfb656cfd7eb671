import Foundation

/// Cheap byte tests that say which of `ValueRecognizer`'s expressions can match a sentence at all: most
/// sentences have no month, no dollar sign and no percentage, so most expressions need not run. Each test
/// must hold wherever its expression could match (a test checks that on sentences made to trip them).
struct ValueGates {
    let lower: LowercasedText
    /// An ASCII digit anywhere.
    let digits: Bool
    /// A month's first three letters at the start of a word ("in march", "—Sept", not "smartphone").
    let months: Bool
    /// A run of exactly four digits: what every `\d{4}` year needs.
    let year: Bool

    init(_ sentence: String) {
        lower = LowercasedText(sentence)
        digits = sentence.utf8.contains { $0 >= 48 && $0 <= 57 }
        months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].contains(where: lower.hasWord(startingWith:))
        year = digits && ValueRecognizer.hasFourDigitRun(lower.bytes)
    }

    private func any(_ words: [String]) -> Bool { words.contains(where: lower.contains) }

    var comparative: Bool { digits && any(["faster", "slower", "quicker", "better", "worse", "more powerful"]) }
    private var partWord: Bool { any(["early", "mid", "late", "end of"]) }
    private var relativeWord: Bool { any(["this", "next", "last"]) }

    var fullDate: Bool { months && year }
    var monthDay: Bool { months && digits }
    var monthYear: Bool { months && year }
    var modifiedMonth: Bool { months && partWord }
    var bareMonth: Bool { months }
    var quarter: Bool { (digits && lower.contains("q")) || lower.contains("quarter") }
    var half: Bool { any(["half", "h1", "h2"]) }
    var yearPart: Bool { year && partWord }
    var season: Bool { any(["spring", "summer", "fall", "autumn", "winter"]) }
    var relative: Bool { lower.contains("today") || relativeWord && any(["year", "month", "week"]) }
    var relativeYearPart: Bool { relativeWord && lower.contains(" year") && (partWord || lower.contains("half")) }
    var weeksAhead: Bool { lower.contains("weeks") }
    var yearsAgo: Bool { lower.contains(" ago") }
    var wwdc: Bool { lower.contains("wwdc") }
    var inYear: Bool { year }
    var money: Bool { lower.contains("$") }
    var otherMoney: Bool { any(["€", "£", "¥", "₹"]) || ["eur", "gbp", "inr", "rs"].contains(where: lower.hasWord(startingWith:)) }
    var dataSize: Bool { digits && any(["gb", "tb", "mb"]) }
    var ratio: Bool { comparative && any(["x", "×", "times"]) }
    var percent: Bool { comparative && any(["%", "percent"]) }
    var multiple: Bool { any(["double", "twice", "triple", "three times", "half"]) }
    var score: Bool { digits && lower.contains("/") }
    var number: Bool { digits }

    /// Every gated expression with its gate, for the test that holds the gates to their promise.
    static var expressions: [(NSRegularExpression, KeyPath<ValueGates, Bool>)] {[
        (ValueRecognizer.fullDate, \.fullDate), (ValueRecognizer.monthDay, \.monthDay), (ValueRecognizer.monthYear, \.monthYear),
        (ValueRecognizer.modifiedMonth, \.modifiedMonth), (ValueRecognizer.bareMonth, \.bareMonth), (ValueRecognizer.quarter, \.quarter),
        (ValueRecognizer.half, \.half), (ValueRecognizer.yearPart, \.yearPart), (ValueRecognizer.season, \.season),
        (ValueRecognizer.relative, \.relative), (ValueRecognizer.relativeYearPart, \.relativeYearPart),
        (ValueRecognizer.weeksAhead, \.weeksAhead), (ValueRecognizer.yearsAgo, \.yearsAgo), (ValueRecognizer.wwdc, \.wwdc),
        (ValueRecognizer.inYear, \.inYear), (ValueRecognizer.money, \.money), (ValueRecognizer.otherMoney, \.otherMoney),
        (ValueRecognizer.dataSize, \.dataSize), (ValueRecognizer.ratio, \.ratio), (ValueRecognizer.percent, \.percent),
        (ValueRecognizer.multiple, \.multiple), (ValueRecognizer.score, \.score), (ValueRecognizer.number, \.number),
    ]}
}
