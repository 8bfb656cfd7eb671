import Foundation
import HTMLKit

/// The subjects claims can be about (canonical names with aliases) and the attributes with the words
/// that signal them. A workspace extends the default without recompiling (see `VocabularyFile`).
public struct Vocabulary: Sendable {
    /// A thing claims are about: "M5 Ultra", "Mac Studio".
    public struct Subject: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public init(name: String, aliases: [String] = []) {
            self.name = name
            self.aliases = aliases
        }
    }

    /// A property a claim states: `price`, `release-date`, with the words that signal it.
    public struct Attribute: Sendable, Equatable {
        public var id: String
        public var triggers: [String]
        /// For an attribute declared in Vocabulary.list: the kind of value it takes (nil for the built-in ones,
        /// which the extractor reads with rules of their own).
        public var kind: ValueKind?

        public init(id: String, triggers: [String], kind: ValueKind? = nil) {
            self.id = id
            self.triggers = triggers
            self.kind = kind
        }
    }

    /// What a declared attribute's value looks like.
    public enum ValueKind: Sendable, Equatable {
        /// A bare count ("14 USB ports").
        case number
        /// A number with one of these units ("5,000 mAh", "120 Hz"); with none listed, any unit word after it.
        case quantity(units: [String])
        /// An amount of money.
        case money
        /// A date or a window of dates.
        case date
        /// The words after the cue, up to the end of the clause.
        case text
    }

    public private(set) var subjects: [Subject]
    /// Relative differences below which two numbers for an attribute agree (`geekbench.multi-core: 0.05`);
    /// set in Vocabulary.list, read by the resolver.
    public var tolerances: [String: Double] = [:]
    public private(set) var attributes: [Attribute]
    /// Lower-cased alias → canonical name, longest aliases first for matching.
    private(set) var aliasTable: [(alias: String, name: String)]
    /// The same aliases grouped by a hash of their first word, longest first within each group. A hash,
    /// not the word: making a String of every word of every sentence cost more than the lookups; a
    /// collision is harmless, as each candidate is compared unit by unit.
    /// Aliases that begin with "the", as written: matched with their capitals.
    private var casedAliases: [String: [UInt16]] = [:]
    private var aliasesByFirstWord: [UInt64: [(units: [UInt16], name: String, cased: [UInt16]?)]] = [:]

    public init(subjects: [Subject], attributes: [Attribute]) {
        self.subjects = []
        self.attributes = attributes
        self.aliasTable = []
        subjects.forEach { add($0) }
    }

    /// Adds a subject, or more aliases to an existing one.
    public mutating func add(_ subject: Subject) {
        if let index = subjects.firstIndex(where: { $0.name == subject.name }) {
            let fresh = subject.aliases.filter { !subjects[index].aliases.contains($0) }
            // Known already (every question names its subjects): the alias tables need no rebuild.
            if fresh.isEmpty { return }
            subjects[index].aliases += fresh
        } else {
            subjects.append(subject)
        }
        for alias in [subject.name] + subject.aliases where !aliasTable.contains(where: { $0.alias == alias.lowercased() }) {
            aliasTable.append((alias.lowercased(), subject.name))
        }
        aliasTable.sort { $0.alias.count > $1.alias.count }
        // "the Core" names a product only when written with its capital: "the core business" is no product.
        let written = Dictionary(([subject.name] + subject.aliases).map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for index in aliasTable.indices where aliasTable[index].alias.hasPrefix("the ") {
            if let original = written[aliasTable[index].alias] { casedAliases[aliasTable[index].alias] = Array(original.utf16) }
        }
        aliasesByFirstWord = Dictionary(grouping: aliasTable.map { (units: Array($0.alias.utf16), name: $0.name, cased: casedAliases[$0.alias]) }) { entry in
            Self.wordKey(entry.units.prefix { Self.isWordCharacter($0) })
        }
    }

    /// Adds an attribute, or more triggers (and its kind, when declared) to an existing one.
    public mutating func add(_ attribute: Attribute) {
        if let index = attributes.firstIndex(where: { $0.id == attribute.id }) {
            attributes[index].triggers += attribute.triggers
            if attribute.kind != nil, Vocabulary.builtInAttributeIDs.contains(attribute.id) == false { attributes[index].kind = attribute.kind }
        } else {
            attributes.append(attribute)
        }
    }

    public func attribute(_ id: String) -> Attribute? { attributes.first { $0.id == id } }

    /// The attributes the extractor has rules of its own for.
    public static let builtInAttributeIDs: Set<String> = ["release-date", "discontinued-on", "price", "memory.max", "availability",
                                                          "geekbench.single-core", "geekbench.multi-core", "geekbench.metal",
                                                          "geekbench.opencl", "geekbench.vulkan", "performance.relative", "rating", "user-report"]

    /// The attributes declared in Vocabulary.list beyond the built-in ones, each read by the kind of its value.
    public var declaredAttributes: [Attribute] {
        attributes.filter { !Self.builtInAttributeIDs.contains($0.id) }
    }

    /// Subject mentions in `text`: canonical name and the UTF-16 range of the alias, longest match first,
    /// whole words only, in text order. Aliases are looked up by the word they start with, so the cost
    /// grows with the sentence, not with the vocabulary.
    public func mentions(in text: String) -> [(name: String, range: NSRange)] {
        let units = Array(text.lowercased().utf16)
        // The text as written, for the few aliases matched with their capitals; made only when one is met.
        var original: [UInt16]?
        let length = units.count
        var found: [(name: String, range: NSRange)] = []
        var index = 0
        while index < length {
            guard Self.isWordCharacter(units[index]), index == 0 || !Self.isWordCharacter(units[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < length, Self.isWordCharacter(units[end]) { end += 1 }
            var matched = false
            for entry in aliasesByFirstWord[Self.wordKey(units[index..<end])] ?? [] {
                var aliasLength = entry.units.count
                guard index + aliasLength <= length, units[index..<index + aliasLength].elementsEqual(entry.units) else { continue }
                if let cased = entry.cased {
                    if original == nil { original = Array(text.utf16) }
                    if original!.count != length || !original![(index + 4)..<(index + aliasLength)].elementsEqual(cased.dropFirst(4)) { continue }
                }
                // A plural names the product too ("RTX 3080s", "MacBooks", "Apple Watches").
                for suffix in [[UInt16(115)], [UInt16(101), UInt16(115)]] where index + aliasLength + suffix.count <= length
                    && units[(index + aliasLength)..<(index + aliasLength + suffix.count)].elementsEqual(suffix)
                    && (index + aliasLength + suffix.count == length || !Self.isWordCharacter(units[index + aliasLength + suffix.count])) {
                    aliasLength += suffix.count
                    break
                }
                guard index + aliasLength == length || !Self.isWordCharacter(units[index + aliasLength]) else { continue }
                found.append((entry.name, NSRange(location: index, length: aliasLength)))
                index += aliasLength
                matched = true
                break
            }
            if !matched { index = end }
        }
        return found
    }

    /// A word's key: the hash of its UTF-16 units.
    private static func wordKey(_ units: some Collection<UInt16>) -> UInt64 { FNV1a.hash(units) }

    private static func isWordCharacter(_ unit: unichar) -> Bool {
        (unit >= 48 && unit <= 57) || (unit >= 65 && unit <= 90) || (unit >= 97 && unit <= 122) || unit == 95
    }
}

extension Vocabulary {
    /// Apple's hardware and chips, and the CPUs and GPUs they are compared with; the attributes of DESIGN §7.
    public static let standard: Vocabulary = {
        var subjects: [Subject] = [
            Subject(name: "Mac Studio"), Subject(name: "Mac Pro"), Subject(name: "Mac mini"),
            Subject(name: "MacBook Pro", aliases: ["MBP"]), Subject(name: "MacBook Air"), Subject(name: "MacBook"),
            Subject(name: "iMac"), Subject(name: "iMac Pro"), Subject(name: "Studio Display"),
            Subject(name: "Pro Display XDR"), Subject(name: "Vision Pro", aliases: ["Apple Vision Pro"]),
            Subject(name: "iPad Pro"), Subject(name: "iPad Air"), Subject(name: "iPad mini"), Subject(name: "iPad"),
            Subject(name: "iPhone"), Subject(name: "iPhone Fold", aliases: ["foldable iPhone"]),
            Subject(name: "Apple Watch"), Subject(name: "AirPods"), Subject(name: "AirPods Pro"),
            Subject(name: "AirPods Max"), Subject(name: "HomePod"), Subject(name: "HomePod mini"),
            Subject(name: "Apple TV"), Subject(name: "AirTag"), Subject(name: "Magic Keyboard"),
            Subject(name: "Studio Server", aliases: ["rack-mount Mac Studio", "rack-mounted Mac Studio"]),
        ]
        for generation in 1...6 {
            subjects.append(Subject(name: "M\(generation)", aliases: ["Apple M\(generation)"]))
            for tier in ["Pro", "Max", "Ultra"] {
                subjects.append(Subject(name: "M\(generation) \(tier)", aliases: ["M\(generation)-\(tier)", "Apple M\(generation) \(tier)"]))
            }
        }
        for number in 15...19 {
            subjects.append(Subject(name: "iPhone \(number)"))
            if number >= 16 { subjects.append(Subject(name: "iPhone \(number)e")) }
            for tier in ["Pro", "Pro Max", "Plus", "Air"] { subjects.append(Subject(name: "iPhone \(number) \(tier)")) }
        }
        for generation in 15...19 {
            subjects.append(Subject(name: "A\(generation) Bionic", aliases: ["A\(generation)"]))
            subjects.append(Subject(name: "A\(generation) Pro", aliases: ["Apple A\(generation) Pro"]))
        }
        // GPUs and CPUs Apple's hardware is compared with.
        for series in [30, 40, 50] {
            for tier in [50, 60, 70, 80, 90] {
                for suffix in ["", " Ti", " Super"] {
                    let model = "\(series)\(tier)\(suffix)"
                    subjects.append(Subject(name: "RTX \(model)", aliases: ["GeForce RTX \(model)", "Nvidia RTX \(model)", "NVIDIA GeForce RTX \(model)"]))
                }
            }
        }
        for model in ["7900 XTX", "7900 XT", "7800 XT", "9070 XT", "9070"] {
            subjects.append(Subject(name: "Radeon RX \(model)", aliases: ["RX \(model)", "AMD Radeon RX \(model)"]))
        }
        let ryzen = ["5800X3D": 7, "7600X": 5, "7700X": 7, "7800X3D": 7, "7900X": 9, "7950X": 9, "7950X3D": 9,
                     "9600X": 5, "9700X": 7, "9800X3D": 7, "9900X": 9, "9950X": 9, "9950X3D": 9]
        for (model, tier) in ryzen.sorted(by: { $0.key < $1.key }) {
            subjects.append(Subject(name: "Ryzen \(model)", aliases: ["AMD Ryzen \(model)", "Ryzen \(tier) \(model)", "AMD Ryzen \(tier) \(model)"]))
        }
        for model in ["285K", "265K", "245K"] {
            let tier = model.hasPrefix("28") ? 9 : model.hasPrefix("26") ? 7 : 5
            subjects.append(Subject(name: "Core Ultra \(tier) \(model)", aliases: ["Intel Core Ultra \(tier) \(model)"]))
        }
        for model in ["14900K", "13900K", "12900K"] {
            subjects.append(Subject(name: "Core i9-\(model)", aliases: ["Intel Core i9-\(model)"]))
        }
        subjects.append(Subject(name: "Snapdragon X Elite", aliases: ["Qualcomm Snapdragon X Elite"]))
        subjects.append(Subject(name: "Snapdragon X2 Elite", aliases: ["Qualcomm Snapdragon X2 Elite", "Snapdragon X2 Elite Extreme"]))
        let attributes: [Attribute] = [
            // Announcing is not releasing: "announce" and "unveil" are left out on purpose.
            Attribute(id: "release-date", triggers: ["launch", "release", "ship", "arrive", "debut", "introduced", "coming",
                                                      "available to order", "available in stores", "available starting",
                                                      "on sale", "hit shelves", "will be available", "available on", "refresh", "updated", "update with",
                                                      "successor", "replaced by", "to get the", "will get the", "gets the",
                                                      "expected in", "expected by", "due in", "due out", "set for", "slated for",
                                                      "be available", "available from", "available for download", "go on sale", "goes on sale", "in stores", "hit stores",
                                                      "came out", "comes out", "come out", "will be out", "pushed back", "delayed",
                                                      "roll out", "rolled out", "rolls out", "expected until", "deliveries",
                                                      "into the us market", "into the market", "to market", "on their way"]),
            Attribute(id: "discontinued-on", triggers: ["discontinue", "killed off", "retire", "end of sale"]),
            Attribute(id: "price", triggers: ["price", "cost", "priced", "sells for", "charge", "$"]),
            Attribute(id: "memory.max", triggers: ["capped at", "capping", "up to", "maximum of", "max out at", "tops out at",
                                                   "limited to", "maxes out at", "top out at", "configurable with"]),
            Attribute(id: "availability", triggers: ["discontinued", "no longer available", "no longer sold",
                                                     "pulled", "removed", "stopped selling", "still available",
                                                     "still sold", "remains available", "sold out", "will ship", "will release"]),
            Attribute(id: "geekbench.single-core", triggers: ["single-core", "single core"]),
            Attribute(id: "geekbench.multi-core", triggers: ["multi-core", "multicore", "multi core"]),
            Attribute(id: "geekbench.metal", triggers: ["metal"]),
            Attribute(id: "geekbench.opencl", triggers: ["opencl"]),
            Attribute(id: "geekbench.vulkan", triggers: ["vulkan"]),
            Attribute(id: "performance.relative", triggers: ["faster", "slower", "double", "twice", "times", "quicker"]),
            Attribute(id: "rating", triggers: ["rating", "score", "out of 10", "/10", "stars"]),
            Attribute(id: "user-report", triggers: ["throttl", "overheat", "fan noise", "my ", "i've", "we've"]),
        ]
        return Vocabulary(subjects: subjects, attributes: attributes)
    }()
}

extension Vocabulary {
    /// What a page must mention for this vocabulary to read a claim off it: every subject's name and aliases
    /// and every attribute's cue words, lower-cased. A term the stored pages were not read with means some
    /// pages may hold claims the store lacks.
    public var terms: Set<String> {
        Set((subjects.flatMap { [$0.name] + $0.aliases } + attributes.flatMap(\.triggers)).map { $0.lowercased() }.filter { !$0.isEmpty })
    }
}
