import Foundation

/// One line of Sources.list: a plugin id, a start URL and `key=value` options.
public struct SourceEntry: Sendable, Equatable {
    public var plugin: String
    public var url: URL
    public var options: [String: String]
    /// `Sources.list:3`.
    public var location: String

    /// How many links of a listing or feed one run follows (`max=`, default 20).
    public var maxLinks: Int { options["max"].flatMap(Int.init) ?? 20 }

    /// Seconds between requests to one host (`delay=`); nil for the default.
    public var delay: Double? { options["delay"].flatMap(Double.init) }

    /// How many times a 429, a 5xx or a dropped connection is retried (`retries=`, default 2).
    public var retries: Int { options["retries"].flatMap(Int.init) ?? 2 }

    /// The shortest time between two fetches of this source (`every=`), so cron can run often.
    public var every: TimeInterval? { options["every"].flatMap(Self.interval) }

    /// The most bytes of one response kept (`max-size=`, e.g. 512KB or 20MB); nil for the client's default.
    public var maximumBodySize: Int? { options["max-size"].flatMap(Self.byteCount) }

    /// "1048576", "512KB", "20MB", "1GB" (binary multiples) in bytes.
    /// Nil for anything else, and for a size above `largestBodySize` (a body is held in memory whole).
    public static func byteCount(_ text: String) -> Int? {
        let units: [String: Int] = ["KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30]
        let upper = text.uppercased()
        var bytes: Int?
        if let unit = units.first(where: { upper.hasSuffix($0.key) }), let number = Int(upper.dropLast(2)) {
            let product = number.multipliedReportingOverflow(by: unit.value)
            bytes = product.overflow ? nil : product.partialValue
        } else {
            bytes = Int(text)
        }
        return bytes.flatMap { $0 > 0 && $0 <= largestBodySize ? $0 : nil }
    }

    /// The largest `max-size=`: 2 GB.
    public static let largestBodySize = 2 << 30

    /// "90", "30s", "30m", "6h", "1d" in seconds; nil for anything else, and past `longestInterval`.
    public static func interval(_ text: String) -> TimeInterval? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        let seconds: Double?
        if let unit = text.last.flatMap({ units[$0] }), let number = Double(text.dropLast()) {
            seconds = number * unit
        } else {
            seconds = Double(text)
        }
        return seconds.flatMap { $0 >= 0 && $0 <= longestInterval ? $0 : nil }
    }

    /// The longest `every=`: a year.
    public static let longestInterval: TimeInterval = 366 * 86_400

    /// Options as one header-safe line (`key=value&key=value`, percent-encoded), as archived with each capture.
    public static func encode(_ options: [String: String]) -> String {
        var components = URLComponents()
        components.queryItems = options.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        return components.percentEncodedQuery ?? ""
    }

    /// The inverse of `encode`.
    public static func decode(_ line: String) -> [String: String] {
        var components = URLComponents()
        components.percentEncodedQuery = line
        return Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
    }

    public init(plugin: String, url: URL, options: [String: String] = [:], location: String) {
        self.plugin = plugin
        self.url = url
        self.options = options
        self.location = location
    }
}

/// Reads Sources.list: `<plugin-id> <url> [key=value ...]`, `#` comments; a value with spaces is quoted
/// (`title="//h1[@class='headline big']"`). Bad lines are reported with file:line and the valid
/// alternatives; the good ones are still returned.
public enum SourcesList {
    /// Option keys every source accepts.
    public static let commonOptions = ["delay", "every", "max", "max-size", "prior", "retries"]

    /// What the parser needs to know of a plugin: the options it takes and how it checks their values.
    public struct PluginRules: Sendable {
        public var options: [String]
        public var check: @Sendable ([String: String]) -> [String]
        public init(options: [String], check: @escaping @Sendable ([String: String]) -> [String] = { _ in [] }) {
            self.options = options
            self.check = check
        }
    }

    public static func parse(_ contents: String, file: String = "Sources.list",
                             plugins: [String: PluginRules]) -> (entries: [SourceEntry], problems: [InputFileError.Problem]) {
        var entries: [SourceEntry] = []
        var problems: [InputFileError.Problem] = []
        for (number, text) in ListFile.lines(contents) {
            func problem(_ message: String) { problems.append(.init(file: file, line: number, message: message)) }
            let words: [String]
            switch tokenize(text) {
            case .success(let tokens): words = tokens
            case .failure(let error):
                problem(error.message)
                continue
            }
            guard words.count >= 2 else {
                problem("expected '<plugin-id> <url> [key=value ...]'")
                continue
            }
            guard let rules = plugins[words[0]] else {
                problem("unknown source '\(words[0])'; known: \(plugins.keys.sorted().joined(separator: ", "))")
                continue
            }
            guard let url = URL(string: words[1]), let scheme = url.scheme?.lowercased(),
                  ["http", "https", "file"].contains(scheme), scheme == "file" || url.host?.isEmpty == false else {
                problem("'\(words[1])' is not an http, https or file URL")
                continue
            }
            var options: [String: String] = [:]
            var bad = false
            let known = commonOptions + rules.options
            for option in words.dropFirst(2) {
                let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
                guard pair.count == 2, !pair[0].isEmpty else {
                    problem("option '\(option)' is not key=value")
                    bad = true
                    continue
                }
                guard known.contains(pair[0]) else {
                    problem("unknown option '\(pair[0])' for \(words[0]); known: \(known.sorted().joined(separator: ", "))")
                    bad = true
                    continue
                }
                if pair[0] == "max", Int(pair[1]).map({ $0 >= 0 }) != true {
                    problem("option max=\(pair[1]) must be a whole number of links")
                    bad = true
                }
                if pair[0] == "delay", Double(pair[1]).map({ $0 >= 0 && $0 <= 600 }) != true {
                    problem("option delay=\(pair[1]) must be seconds between requests to one host (0 to 600)")
                    bad = true
                }
                if pair[0] == "retries", Int(pair[1]).map({ $0 >= 0 && $0 <= 10 }) != true {
                    problem("option retries=\(pair[1]) must be a whole number from 0 to 10")
                    bad = true
                }
                if pair[0] == "max-size", SourceEntry.byteCount(pair[1]) == nil {
                    problem("option max-size=\(pair[1]) must be a size such as 512KB or 20MB, at most 2GB")
                    bad = true
                }
                if pair[0] == "every", SourceEntry.interval(pair[1]) == nil {
                    problem("option every=\(pair[1]) must be an interval such as 30m, 6h or 1d, at most 366d")
                    bad = true
                }
                if pair[0] == "prior", Confidence.Label(rawValue: pair[1]) == nil {
                    problem("option prior=\(pair[1]) is not a confidence label; known: \(Confidence.Label.allCases.map(\.rawValue).joined(separator: ", "))")
                    bad = true
                }
                options[pair[0]] = pair[1]
            }
            for message in rules.check(options) {
                problem(message)
                bad = true
            }
            if !bad { entries.append(SourceEntry(plugin: words[0], url: url, options: options, location: "\(file):\(number)")) }
        }
        return (entries, problems)
    }

    struct TokenError: Error { let message: String }

    /// Splits at spaces and tabs, keeping quoted runs (single or double quotes) together without the quotes.
    static func tokenize(_ line: String) -> Result<[String], TokenError> {
        var tokens: [String] = []
        var current = ""
        var quote: Character?
        var inToken = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inToken = true
            } else if character == " " || character == "\t" {
                if inToken { tokens.append(current) }
                current = ""
                inToken = false
            } else {
                current.append(character)
                inToken = true
            }
        }
        if let open = quote { return .failure(TokenError(message: "unclosed \(open) quote")) }
        if inToken { tokens.append(current) }
        return .success(tokens)
    }
}
