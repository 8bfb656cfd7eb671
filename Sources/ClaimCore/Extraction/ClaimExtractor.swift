import Foundation

/// The core extractor: turns a page's passages into claims about vocabulary subjects, with typed values,
/// qualifiers, valid times and a confidence from hedge cues and the source's prior.
public struct ClaimExtractor: Sendable {
    public let vocabulary: Vocabulary

    /// The attributes declared in Vocabulary.list, read by the kind of their value (none in the default).
    let declared: [Vocabulary.Attribute]
    /// The release-date cues, asked of every sentence with a date.
    let releaseTriggers: [String]

    public init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
        declared = vocabulary.declaredAttributes
        releaseTriggers = vocabulary.attribute("release-date")?.triggers ?? []
    }

    /// Claims for a plugin's reading: its passages read sentence by sentence, plus its structured claims.
    public func claims(for reading: Reading, prior: Confidence.Label) -> [Claim] {
        extract(reading, prior: prior).claims
    }

    /// The claims of a reading and the sentences saying something about a tracked subject is unknown, from
    /// one pass over its sentences (splitting them twice was a tenth of a reparse).
    public func extract(_ reading: Reading, prior: Confidence.Label) -> (claims: [Claim], unknowns: [StatedUnknown]) {
        // Claims read from data tables name their subject as the page wrote it: map it onto the vocabulary,
        // and drop what the vocabulary does not track.
        var claims = reading.claims.compactMap { claim -> Claim? in
            guard let subject = vocabulary.mentions(in: claim.subject).first?.name else { return nil }
            var canonical = claim
            canonical.subject = subject
            return canonical
        }
        // A maker's own press release states what the maker says.
        let prior = Self.isPressRelease(reading.document.url) ? .official : prior
        // A headline that says "leaked" or "rumored" sets the tone for sentences that carry no cue of their own.
        let headlineLabel = reading.document.title.flatMap { Hedges.cueLabel(in: $0) }
        var reporters: [String: Set<String>] = [:]
        var unknowns: [StatedUnknown] = []
        var position = 0
        // An article's headline is prose too ("13-Inch MacBook Pro … Expected in First Half of 2020"); read after
        // the body, so a claim the body states as well keeps the body's sentence.
        var passages = reading.passages
        if reading.document.kind == .article || reading.document.kind == .excerpt, let title = reading.document.title, !title.isEmpty {
            passages.append(Passage(title))
        }
        // The product the prose was last about: a sentence that names none but refers to one ("It costs just
        // $129.", "Prices range from …", "Units will ship on May 14.") is about it.
        var lastSubject: String?
        // What a sentence of a paragraph about a product states of it without naming it: a price, a memory
        // ceiling, a withdrawal ("…, capping current orders at 256GB").
        let paragraphCues = ["price", "cost", "range", "start at", "start around", "starts at", "sells for", "listed at", "retails"]
            + (vocabulary.attribute("memory.max")?.triggers ?? []).filter { $0.count > 5 } + ["pulled", "to pull", "no longer available", "discontinued"]
        for passage in passages {
            var paragraphSubject: String?
            for sentence in SentenceSplitter.split(passage.text) {
                defer { position += 1 }
                // Most sentences name no tracked subject: find that out first, it is the cheapest test.
                var mentions = vocabulary.mentions(in: sentence)
                if let subject = lastSubject, mentions.isEmpty || SentenceContext.allComparators(mentions, in: sentence as NSString),
                   let reference = Reference.find(in: sentence) {
                    // "It does cost more than the RTX 3080, …": the product it compares is the one last named.
                    mentions.insert((subject, reference), at: 0)
                } else if mentions.isEmpty, let subject = paragraphSubject, let statement = Reference.statement(in: sentence, cues: paragraphCues) {
                    mentions = [(subject, statement)]
                }
                guard !mentions.isEmpty else { continue }
                lastSubject = SentenceContext.primary(of: mentions, in: sentence as NSString) ?? lastSubject
                paragraphSubject = lastSubject
                let statedAt = passage.written ?? reading.document.published
                if Hedges.statesUnknown(sentence) {
                    unknowns.append(unknown(sentence, mentions: mentions, statedAt: statedAt, position: position))
                    continue
                }
                let found = self.claims(in: sentence, mentions: mentions, statedAt: statedAt, prior: prior, tone: headlineLabel,
                                        source: reading.document.source, isUserReport: passage.isUserReport)
                    .map { claim -> Claim in
                        var placed = claim
                        placed.position = position
                        return placed
                    }
                for claim in found where claim.attribute == "user-report" {
                    reporters[claim.key + "|" + claim.value.text, default: []].insert(passage.author ?? "anonymous")
                }
                claims += found
            }
        }
        // The same statement twice on a page is one claim. A tuple of the parts, not a joined string: a
        // chart of 3,000 rows made four strings per claim only to compare them.
        struct Statement: Hashable {
            var subject: String, attribute: String, qualifier: String?, value: String, validFrom: String?
        }
        var seen = Set<Statement>()
        let distinct = claims.filter {
            seen.insert(Statement(subject: $0.subject, attribute: $0.attribute, qualifier: $0.qualifier, value: $0.value.display,
                                  validFrom: $0.validTime?.start)).inserted
        }
            .map { claim in
                // Independent commenters reporting the same thing corroborate one another.
                guard claim.attribute == "user-report", let count = reporters[claim.key + "|" + claim.value.text]?.count, count > 1 else { return claim }
                var corroborated = claim
                corroborated.confidence.score = min(0.7, claim.confidence.score + 0.1 * Double(count - 1))
                corroborated.confidence.reasons.append("corroborated by \(count) independent commenters")
                return corroborated
            }
        return (distinct, unknowns)
    }

    /// Claims stated by one sentence.
    public func claims(in sentence: String, statedAt: Date?, prior: Confidence.Label, source: String,
                       isUserReport: Bool = false) -> [Claim] {
        // Most sentences name no tracked subject: find that out first, it is the cheapest test.
        let mentions = vocabulary.mentions(in: sentence)
        guard !mentions.isEmpty, !Hedges.statesUnknown(sentence) else { return [] }
        return claims(in: sentence, mentions: mentions, statedAt: statedAt, prior: prior, tone: nil, source: source, isUserReport: isUserReport)
    }

    /// A press release: the address of a maker's press library or newsroom.
    static func isPressRelease(_ url: String) -> Bool {
        let path = (URL(string: url)?.path ?? "").lowercased()
        return ["/pr/", "/newsroom/", "/press/", "/press-release", "/pressrelease", "/press-releases/"].contains { path.contains($0) }
    }

    /// Claims stated by a sentence whose subject mentions are known and which states nothing unknown.
    private func claims(in sentence: String, mentions: [(name: String, range: NSRange)], statedAt: Date?, prior: Confidence.Label,
                        tone: Confidence.Label?, source: String, isUserReport: Bool) -> [Claim] {
        let text = sentence as NSString
        let lower = sentence.lowercased()
        let values = ValueRecognizer(reference: statedAt).values(in: sentence).filter { value in
            !mentions.contains { NSIntersectionRange($0.range, value.range).length > 0 } && !SentenceContext.isDateline(value, in: text)
        }
        let confidence = Hedges.confidence(for: sentence, prior: prior, tone: tone, source: source, isUserReport: isUserReport)
        let today = statedAt.map(Timestamp.day)
        // The sentence's cues, found once for every value that needs its own clause's label.
        var cueMap: Hedges.CueMap?
        let context = SentenceContext(sentence: sentence, text: text, lower: lower, search: LowercasedText(lower),
                                      mentions: mentions, values: values)
        var claims: [Claim] = []
        func emit(_ subject: String?, _ attribute: String, _ qualifier: String?, _ value: Value, _ validTime: ValidTime? = nil,
                  at range: NSRange? = nil) {
            guard let subject else { return }
            // A value's own clause sets its label; a headline's tone is about what is still to come, not a
            // date already past.
            let past = (value.end ?? value.start).map { today != nil && $0 < today! } ?? false
            if range != nil && cueMap == nil && !isUserReport { cueMap = Hedges.CueMap(sentence) }
            let own = range.map { Hedges.confidence(for: sentence, at: $0, cues: cueMap, prior: prior, tone: past ? nil : tone, source: source,
                                                    isUserReport: isUserReport) }
            claims.append(Claim(subject: subject, attribute: attribute, qualifier: qualifier, value: value,
                                validTime: validTime, confidence: own ?? confidence, quote: sentence, statedAt: statedAt))
        }
        let change = context.changeOverTime()
        let changeTime = values.first { ($0.value.type == .date || $0.value.type == .period) && context.isTimeOfChange($0) }
        for mention in values {
            let subject = context.subject(before: mention.range)
            switch mention.value.type {
            case .money:
                guard !context.isPriceDifference(mention) else { continue }
                // "$99 for Pebble 2", "$300 Beats headphones": the product written right after the price; "a $899
                // product" names none; a price after "and <a new item>" is not the earlier product's.
                let subject: String?
                if let named = context.named(after: mention.range) {
                    subject = named
                } else if context.isGenericItem(after: mention.range) || context.startsNewItem(before: mention) {
                    continue
                } else {
                    subject = context.subject(before: mention.range)
                }
                let qualifier = context.configuration(near: mention.range, suffixes: ["upgrade", "option", "configuration", "model"])
                    ?? context.configuration ?? (context.search.contains("base") ? "base model" : nil)
                // A range of prices ("range from $699.99 to $849.99") is two claims: its lowest and its highest.
                if let upper = mention.value.upper, change == nil {
                    var low = mention.value, high = mention.value
                    low.upper = nil
                    high.upper = nil
                    high.number = upper
                    emit(subject, "price", [qualifier, "lowest"].compactMap { $0 }.joined(separator: ", "), low, at: mention.range)
                    emit(subject, "price", [qualifier, "highest"].compactMap { $0 }.joined(separator: ", "), high, at: mention.range)
                    continue
                }
                if let change, change.old == mention {
                    let end = changeTime?.value.start.flatMap(Self.dayBefore) ?? statedAt.map { Timestamp.day($0.addingTimeInterval(-86_400)) }
                    emit(subject, "price", qualifier, mention.value, ValidTime(start: nil, end: end, text: "before the change"), at: mention.range)
                } else if let change, change.new == mention {
                    let start = changeTime?.value.start ?? statedAt.map(Timestamp.day)
                    emit(subject, "price", qualifier, mention.value, ValidTime(start: start, end: nil, text: changeTime?.value.text ?? "from now on"), at: mention.range)
                } else {
                    emit(subject, "price", qualifier, mention.value, at: mention.range)
                }
            case .quantity:
                // Storage, not memory: "up to 1TB eSATA", "drives of up to 30TB", "512GB SSD".
                if context.cue(before: mention.range, among: vocabulary.attribute("memory.max")?.triggers ?? [], within: 40),
                   !context.isStorage(mention) {
                    emit(subject, "memory.max", nil, mention.value, at: mention.range)
                }
            case .number:
                guard let attribute = context.benchmark(near: mention.range), (mention.value.number ?? 0) >= 100 else { continue }
                emit(subject, attribute, nil, mention.value, at: mention.range)
            case .ratio:
                guard context.comparesPerformance(mention) else { continue }
                let comparator = context.subject(after: mention.range)
                let subject = context.subject(before: mention.range, excluding: comparator)
                var qualifier = comparator.map { "vs " + $0 }
                if let task = context.task() { qualifier = [task, qualifier].compactMap { $0 }.joined(separator: ", ") }
                emit(subject, "performance.relative", qualifier, mention.value, at: mention.range)
            case .score:
                emit(subject ?? context.subject(after: mention.range), "rating", nil, mention.value, at: mention.range)
            case .date, .period:
                if changeTime == mention || context.isSuperseded(mention) || context.datesOtherEvent(mention) { continue }
                let value = context.boundedBelow(mention) ?? mention.value
                let owner = subject ?? context.subject(after: mention.range)
                if let word = (lower as NSString).range(of: "discontinu").nilIfNotFound {
                    // The date the sentence gives for the discontinuation: the first one written after the word.
                    guard values.first(where: { ($0.value.type == .date || $0.value.type == .period) && $0.range.location > word.location }) == mention
                    else { continue }
                    emit(context.subject(near: mention.range) ?? owner, "discontinued-on", nil, value, at: mention.range)
                } else if context.hasReleaseTrigger(releaseTriggers), !context.releasesOtherThing(near: mention, triggers: releaseTriggers) {
                    // What ships is what the release verb is said of ("the Echo debuted last year", "plans to release a
                    // new 13-inch MacBook Pro"), else the sentence's subject, not the chip it ships with ("the iMac …
                    // with the M5 chip").
                    let released = context.released(before: mention.range, triggers: releaseTriggers)
                    emit(released ?? context.primarySubject ?? owner, "release-date", nil, value, at: mention.range)
                }
            case .boolean, .text:
                break
            }
        }
        // One sentence gives one date per subject, attribute and label: the first written ("a June 2026 launch …
        // around WWDC" is June 2026, not two rival windows); a second date with its own hedge ("Apple did say
        // 'this summer,' and I would wager … later this month") is a claim of its own.
        var datedKeys = Set<String>()
        claims = claims.filter { claim in
            guard claim.value.type == .date || claim.value.type == .period else { return true }
            return datedKeys.insert(claim.key + "|" + claim.confidence.label.rawValue).inserted
        }
        // Attributes declared in Vocabulary.list: the value of their kind nearest a cue.
        for attribute in declared {
            guard let cue = attribute.triggers.lazy.map({ (lower as NSString).range(of: $0) }).first(where: { $0.location != NSNotFound }),
                  let (value, range) = context.declaredValue(attribute.kind, near: cue) else { continue }
            emit(context.subject(before: range) ?? context.primarySubject, attribute.id, nil, value, at: range)
        }
        if isUserReport {
            for topic in UserReportTopics.topics(in: sentence) {
                emit(context.primarySubject, "user-report", nil, Value(type: .text, text: topic))
            }
        }
        if let availability = context.availability() {
            let config = context.configuration(near: NSRange(location: 0, length: text.length),
                                               suffixes: ["configuration", "option", "model", "version", "unified memory"])
            let when = values.first { $0.value.type == .date || $0.value.type == .period }
            let since = when?.value.start ?? statedAt.map(Timestamp.day)
            for subject in availability.subjects {
                emit(subject, "availability", config,
                     Value(type: .boolean, text: availability.cue, boolean: availability.available),
                     since.map { ValidTime(start: $0, end: nil, text: when?.value.text ?? "as of publication") })
            }
        }
        return claims
    }

    /// The sentences of a reading that say something about a tracked subject is unknown.
    public func unknowns(for reading: Reading) -> [StatedUnknown] {
        extract(reading, prior: .reported).unknowns
    }

    /// A sentence stating something unknown about the subjects it mentions, with the attributes it names.
    private func unknown(_ sentence: String, mentions: [(name: String, range: NSRange)], statedAt: Date?, position: Int) -> StatedUnknown {
        let text = LowercasedText(sentence.lowercased())
        let attributes = vocabulary.attributes.filter { $0.triggers.contains(where: text.contains) }.map(\.id)
        return StatedUnknown(subjects: mentions.map(\.name).removingDuplicates(), attributes: attributes, quote: sentence,
                             statedAt: statedAt, position: position)
    }

    static func dayBefore(_ iso: String) -> String? {
        Timestamp.iso8601(iso).map { Timestamp.day($0.addingTimeInterval(-86_400)) }
    }
}

/// One sentence with its subject mentions and values, and the positional questions the extractor asks.
struct SentenceContext {
    let sentence: String
    let text: NSString
    let lower: String
    /// The same lower-cased sentence, for fast substring tests.
    let search: LowercasedText
    let mentions: [(name: String, range: NSRange)]
    let values: [ValueMention]

    /// Mentions written as the object of a comparison ("than the M2 Ultra"), or as the configuration of the
    /// subject just before them ("the Mac Studio with M4 Max"), are not the sentence's subject.
    func isComparator(_ mention: (name: String, range: NSRange)) -> Bool {
        let before = text.substring(to: mention.range.location).lowercased()
        if ["than ", "than the ", "than a ", "vs ", "vs. ", "versus ", "compared to ", "compared with ",
            "over the ", "double the ", "twice the ", "half the "].contains(where: { before.hasSuffix($0) }) {
            return true
        }
        return configurationOf(mention) != nil || modifies(mention)
    }

    /// A chip written straight before a product ("the M5 MacBook Pro") describes the product.
    private func modifies(_ mention: (name: String, range: NSRange)) -> Bool {
        guard let next = mentions.first(where: { $0.range.location >= NSMaxRange(mention.range) }) else { return false }
        return next.range.location == NSMaxRange(mention.range) + 1 && text.character(at: NSMaxRange(mention.range)) == 32
    }

    /// The subject this mention configures, when written "<subject> with [the|an|a] <mention>".
    func configurationOf(_ mention: (name: String, range: NSRange)) -> String? {
        guard let previous = mentions.last(where: { NSMaxRange($0.range) <= mention.range.location }) else { return nil }
        let between = text.substring(with: NSRange(location: NSMaxRange(previous.range),
                                                   length: mention.range.location - NSMaxRange(previous.range))).lowercased()
        return [" with ", " with the ", " with an ", " with a ", " equipped with ", " powered by the ", " powered by ", " for ", " for the "]
            .contains(between) ? previous.name : nil
    }

    /// The configuration written with a subject ("M4 Max" in "the Mac Studio with M4 Max"), if any.
    var configuration: String? {
        mentions.first { configurationOf($0) != nil }?.name
    }

    /// The first subject that is not a comparator.
    var primarySubject: String? {
        (mentions.first { !isComparator($0) } ?? mentions.first)?.name
    }

    /// Whether every product a sentence names is only compared with ("more than the RTX 3080").
    static func allComparators(_ mentions: [(name: String, range: NSRange)], in text: NSString) -> Bool {
        let context = SentenceContext(sentence: text as String, text: text, lower: "", search: LowercasedText(""), mentions: mentions, values: [])
        return !mentions.isEmpty && mentions.allSatisfy { context.isComparator($0) }
    }

    /// The primary subject of a sentence's mentions, without building a whole context.
    static func primary(of mentions: [(name: String, range: NSRange)], in text: NSString) -> String? {
        SentenceContext(sentence: text as String, text: text, lower: "", search: LowercasedText(""), mentions: mentions, values: []).primarySubject
    }

    /// The nearest subject written before `range` (not a comparator), else the primary subject.
    func subject(before range: NSRange, excluding excluded: String? = nil) -> String? {
        let before = mentions.last { NSMaxRange($0.range) <= range.location && !isComparator($0) && $0.name != excluded }
        return before?.name ?? mentions.first { $0.name != excluded && !isComparator($0) }?.name
    }

    /// The first subject written after `range`.
    func subject(after range: NSRange) -> String? {
        mentions.first { $0.range.location >= NSMaxRange(range) }?.name
    }

    /// The subject written closest to `range`, on either side.
    func subject(near range: NSRange) -> String? {
        mentions.filter { !isComparator($0) }.min { distance($0.range, range) < distance($1.range, range) }?.name
    }

    private func distance(_ a: NSRange, _ b: NSRange) -> Int {
        a.location >= NSMaxRange(b) ? a.location - NSMaxRange(b) : max(0, b.location - NSMaxRange(a))
    }

    /// The product a release verb written before `range` is said of: the one it names just after it ("release
    /// a new 13-inch MacBook Pro"), else the one written just before it ("the Echo debuted"); nil when the verb
    /// is not near enough to tell.
    func released(before range: NSRange, triggers: [String]) -> String? {
        let lowerText = lower as NSString
        var verb: (range: NSRange, trigger: String)?
        for trigger in triggers where trigger.count > 2 && search.contains(trigger) {
            let found = lowerText.range(of: trigger, options: [.literal, .backwards], range: NSRange(location: 0, length: range.location))
            if found.location != NSNotFound, verb == nil || found.location > verb!.range.location { verb = (found, trigger) }
        }
        // A release written as a noun after the date: "in 2017 thanks to the debut of a network from Comcast".
        if verb == nil {
            for trigger in ["debut of", "launch of", "release of", "arrival of", "introduction of"] where search.contains(trigger) {
                let found = lowerText.range(of: trigger, options: .literal, range: NSRange(location: NSMaxRange(range), length: lowerText.length - NSMaxRange(range)))
                if found.location != NSNotFound, found.location - NSMaxRange(range) <= 40,
                   let object = mentions.first(where: { $0.range.location >= NSMaxRange(found) && $0.range.location <= NSMaxRange(found) + 60 }) {
                    return object.name
                }
            }
        }
        guard let (verb, trigger) = verb, range.location - NSMaxRange(verb) <= 120 else { return nil }
        // Verbs that take what is released as their object: "release the M5 MacBook Pro", "launch the Ace".
        if ["release", "launch", "ship", "introduce", "roll out"].contains(trigger),
           let object = mentions.first(where: { $0.range.location >= NSMaxRange(verb) && $0.range.location <= NSMaxRange(verb) + 20
               && NSMaxRange($0.range) <= range.location && !isComparator($0) }) {
            return object.name
        }
        let subject = mentions.last { NSMaxRange($0.range) <= verb.location && verb.location - NSMaxRange($0.range) <= 40 && !isComparator($0) }
        return subject?.name
    }

    func hasTrigger(_ triggers: [String]) -> Bool {
        triggers.contains { search.contains($0) }
    }

    /// Whether one of `cues` ends within `within` characters before `range`.
    func cue(before range: NSRange, among cues: [String], within: Int) -> Bool {
        let start = max(0, range.location - within)
        let window = LowercasedText(text.substring(with: NSRange(location: start, length: range.location - start)))
        return cues.contains { window.contains($0) }
    }

    /// A configuration written as "<size> <suffix>" ("256GB upgrade"), the one closest to `range`.
    func configuration(near range: NSRange, suffixes: [String]) -> String? {
        let candidates = values.filter { $0.value.type == .quantity }.compactMap { size -> (String, NSRange)? in
            let after = text.substring(from: NSMaxRange(size.range)).lowercased()
            let trimmed = after.drop { $0 == " " }
            let afterMemory = trimmed.hasPrefix("of memory ") ? trimmed.dropFirst(10) : trimmed.hasPrefix("memory ") ? trimmed.dropFirst(7) : trimmed
            guard let suffix = suffixes.first(where: { afterMemory.hasPrefix($0) }) else { return nil }
            let size = size.value.number.map { ValueFormat.grouped($0) } ?? size.value.text
            return ("\(size)\(values.first { $0.value.type == .quantity }?.value.unit ?? "GB") \(suffix == "unified memory" ? "configuration" : suffix)", range)
        }
        return candidates.first?.0
    }

    /// A date in a dateline ("SAN FRANCISCO—March 9, 2015—Apple today announced …") says when the text was
    /// written, not when anything happens.
    static func isDateline(_ mention: ValueMention, in text: NSString) -> Bool {
        guard mention.value.type == .date, mention.range.location <= 60 else { return false }
        let before = text.substring(to: mention.range.location).trimmingCharacters(in: .whitespaces)
        let after = text.substring(from: NSMaxRange(mention.range)).trimmingCharacters(in: .whitespaces)
        let dashes: Set<Character> = ["—", "–", "-"]
        guard let last = before.last, dashes.contains(last), let next = after.first, dashes.contains(next) else { return false }
        // The place: a word in capitals first ("SAN FRANCISCO", "CUPERTINO, California").
        let firstWord = before.prefix { $0.isLetter }
        return firstWord.count >= 3 && firstWord.allSatisfy(\.isUppercase)
    }

    /// A multiple ("twice", "double", "half") is a relative performance only about performance: "twice as fast",
    /// "double the RTX 3070", "half the render time" — not "twice as hard as standard gold" or "half the price".
    func comparesPerformance(_ mention: ValueMention) -> Bool {
        let written = mention.value.text.lowercased()
        guard ["double", "twice", "triple", "three times", "half"].contains(where: written.hasSuffix) else { return true }
        let after = text.substring(from: NSMaxRange(mention.range)).lowercased().trimmingCharacters(in: .whitespaces)
        let performance = ["fast", "quick", "speed", "performance", "powerful", "throughput", "frame", "fps", "score", "render",
                           "compile", "export", "benchmark", "efficient", "responsive"]
        if after.hasPrefix("as ") { return performance.contains { after.dropFirst(3).hasPrefix($0) } }
        // "double the RTX 3070": a tracked product compared with directly.
        if mentions.contains(where: { $0.range.location >= NSMaxRange(mention.range) && $0.range.location <= NSMaxRange(mention.range) + 12 }) {
            return true
        }
        return performance.contains { search.contains($0) }
    }

    /// "save $50", "$100 more than", "$200 off", "a $147 savings", "$18 a share": an amount of money that is not
    /// a product's price. So is a conversion the writer adds ("$69 (about £50 or AU$100 converted)", "71,350 euro
    /// ($78,770)"), and a sum in millions (a deal, a funding round, a factory).
    func isPriceDifference(_ mention: ValueMention) -> Bool {
        let before = text.substring(to: mention.range.location).lowercased()
        let after = text.substring(from: NSMaxRange(mention.range)).lowercased()
        if (mention.value.number ?? 0) >= 1_000_000 { return true }
        if isConversion(mention, before: before, after: after) { return true }
        return ["save ", "saves ", "saving ", "savings of ", "discount of ", "discounted by ", "cut of ", "rebate of ", "an extra ", "an additional ",
                "extra ", "additional "].contains { before.hasSuffix($0) }
            || [" more", " less", " cheaper", " off", " extra", " below", " above", " higher", " lower", " discount", " savings", " saving",
                " price break", " price cut", " price drop", " reduction", " markdown",
                " in savings", " a share", " per share", " a month", " per month", " a year", " per year", " monthly"].contains { after.hasPrefix($0) }
    }

    /// A price converted into another currency by the writer: in parentheses after another amount, or with
    /// "convert" beside it.
    private func isConversion(_ mention: ValueMention, before: String, after: String) -> Bool {
        let near = String(before.suffix(30)) + " " + String(after.prefix(20))
        if near.contains("convert") { return true }
        guard let open = before.lastIndex(of: "("), !before[open...].contains(")") else { return false }
        let opening = before[..<open].trimmingCharacters(in: .whitespaces)
        return values.contains { other in
            other.value.type == .money && NSMaxRange(other.range) <= mention.range.location
                && text.substring(to: NSMaxRange(other.range)).lowercased().trimmingCharacters(in: .whitespaces) == opening
        }
    }

    /// "from $1,600 to $2,000" or "$2,000, up from $1,600": the old and the new value of a change over time.
    func changeOverTime() -> (old: ValueMention, new: ValueMention)? {
        let money = values.filter { $0.value.type == .money }
        guard money.count >= 2 else { return nil }
        for (first, second) in zip(money, money.dropFirst()) {
            let between = text.substring(with: NSRange(location: NSMaxRange(first.range),
                                                       length: second.range.location - NSMaxRange(first.range))).lowercased()
                .trimmingCharacters(in: .whitespaces)
            let before = text.substring(to: first.range.location).lowercased()
            if between == "to" && before.hasSuffix("from ") { return (first, second) }
            if [", up from", "up from", ", down from", "down from", ", compared with", "(up from", ", from"].contains(between) {
                return (second, first)
            }
        }
        return nil
    }

    /// Whether a date value dates a change over time ("rose from … to … in March 2026").
    func isTimeOfChange(_ mention: ValueMention) -> Bool {
        guard let change = changeOverTime() else { return false }
        let end = max(NSMaxRange(change.new.range), NSMaxRange(change.old.range))
        let start = min(change.new.range.location, change.old.range.location)
        return mention.range.location > end || mention.range.location < start && !search.contains("launch") && !search.contains("release")
    }

    /// "not before the autumn": a window open from the period's start to the end of its year.
    func boundedBelow(_ mention: ValueMention) -> Value? {
        let before = text.substring(to: mention.range.location).lowercased()
        guard ["not before ", "not before the ", "no earlier than ", "no sooner than ", "not until ", "not until the "]
            .contains(where: { before.hasSuffix($0) }), let start = mention.value.start else { return nil }
        var value = mention.value
        value.type = .period
        value.text = "not before " + mention.value.text
        value.end = String(start.prefix(4)) + "-12-31"
        return value
    }

    /// The Geekbench attribute a number is a score of: the benchmark word nearest to it.
    func benchmark(near range: NSRange) -> String? {
        let keys: [(String, String)] = [("single-core", "geekbench.single-core"), ("single core", "geekbench.single-core"),
                                        ("multi-core", "geekbench.multi-core"), ("multicore", "geekbench.multi-core"),
                                        ("multi core", "geekbench.multi-core"), ("metal", "geekbench.metal"),
                                        ("opencl", "geekbench.opencl"), ("vulkan", "geekbench.vulkan")]
        let lowerText = lower as NSString
        var best: (distance: Int, attribute: String)?
        for (word, attribute) in keys {
            var search = NSRange(location: 0, length: lowerText.length)
            while true {
                let found = lowerText.range(of: word, options: .literal, range: search)
                if found.location == NSNotFound { break }
                let gap = distance(found, range)
                if best == nil || gap < best!.distance { best = (gap, attribute) }
                search = NSRange(location: NSMaxRange(found), length: lowerText.length - NSMaxRange(found))
            }
        }
        guard let best, best.distance <= 60 || search.contains("geekbench") else { return nil }
        return best.attribute
    }

    /// The workload a comparison is about ("ResNet-50 training"), when the sentence names one.
    func task() -> String? {
        guard search.contains("train") || search.contains("render") || search.contains("compil") else { return nil }
        let words = sentence.split(separator: " ").map { String($0).trimmingCharacters(in: .punctuationCharacters) }
        guard let verb = words.firstIndex(where: { ["trains", "training", "train", "renders", "rendering", "compiles", "compiling"].contains($0.lowercased()) })
        else { return nil }
        let noun = words[(verb + 1)...].first { $0.first?.isUppercase == true && $0.contains(where: \.isNumber) }
        guard let noun else { return nil }
        let activity = words[verb].lowercased().hasPrefix("train") ? "training" : words[verb].lowercased().hasPrefix("render") ? "rendering" : "compiling"
        return "\(noun) \(activity)"
    }

    /// Availability cues and whether each says the product is on sale.
    static let availabilityCues: [(cue: String, available: Bool)] = {
        let withdrawn = ["discontinued", "no longer available", "no longer sold", "no longer offers", "pulled",
                         "stopped selling", "removed the", "to pull the", "pulls the", "no longer be ordered", "can no longer", "are still sold out", "is still sold out",
                         "are sold out", "is sold out", "remain sold out", "remains sold out", "out of stock",
                         "don't see any", "do not see any", "not available", "unavailable", "full refund", "pausing", "paused",
                         "cancelled", "canceled"]
        let offered = ["still available", "still sold", "remains available", "continues to sell", "still on sale",
                       "brought it back", "brought back", "reintroduced", "back on sale", "returned to sale", "back in stock",
                       "available through"]
        return withdrawn.map { ($0, false) } + offered.map { ($0, true) }
    }()

    /// Whether the sentence says something was withdrawn from sale or is still sold, and of which products:
    /// those named in the clause of the statement ("… are still sold out, but there are pre-built systems
    /// still available" says nothing of the cards in its second clause). When it says both ("discontinued …
    /// but brought it back"), the later statement is the current one.
    func availability() -> (available: Bool, cue: String, subjects: [String])? {
        let lowerText = lower as NSString
        var found: [(available: Bool, cue: String, at: Int, subjects: [String])] = []
        // Byte searches first: most sentences hold none of these.
        let cues = Self.availabilityCues.compactMap { cue, available -> (String, Bool, NSRange)? in
            guard search.contains(cue) else { return nil }
            let at = lowerText.range(of: cue)
            return at.location == NSNotFound ? nil : (cue, available, at)
        }
        // A cue inside a longer one ("still sold" in "are still sold out") is the longer one's.
        let written = cues.filter { cue in
            !cues.contains { $0.2.length > cue.2.length && NSIntersectionRange($0.2, cue.2).length == cue.2.length }
        }
        for (cue, available, at) in written {
            let clause = self.clause(around: at)
            var subjects = mentions.filter { NSIntersectionRange($0.range, clause).length > 0 && !isComparator($0) }.map(\.name)
            // "… but brought it back": a pronoun in the clause stands for the sentence's product.
            // Not in "there are bundles that include them still available": that clause is about the bundles.
            let clauseText = lowerText.substring(with: clause)
            let words = clauseText.split { !$0.isLetter }
            if subjects.isEmpty, words.contains("it") || words.contains("them"), !clauseText.contains("there are "), !clauseText.contains("there is "),
               let primary = primarySubject { subjects = [primary] }
            if !subjects.isEmpty { found.append((available, cue, at.location, subjects.removingDuplicates())) }
        }
        return found.max { $0.at < $1.at }.map { ($0.available, $0.cue, $0.subjects) }
    }

    /// The clause `range` sits in: between the breaks a hedge does not cross ("; ", " but ", ", which " …).
    func clause(around range: NSRange) -> NSRange {
        let lowerText = lower as NSString
        var start = 0, end = lowerText.length
        for separator in Hedges.clauseBreaks {
            var search = NSRange(location: 0, length: lowerText.length)
            while case let found = lowerText.range(of: separator, options: .literal, range: search), found.location != NSNotFound {
                if NSMaxRange(found) <= range.location { start = max(start, NSMaxRange(found)) }
                if found.location >= NSMaxRange(range) { end = min(end, found.location) }
                search = NSRange(location: NSMaxRange(found), length: lowerText.length - NSMaxRange(found))
            }
        }
        return NSRange(location: start, length: max(0, end - start))
    }

    /// The product named right after a price: "$99 for Pebble 2", "$300 Beats headphones".
    func named(after range: NSRange) -> String? {
        guard let next = mentions.first(where: { $0.range.location >= NSMaxRange(range) }) else { return nil }
        let between = text.substring(with: NSRange(location: NSMaxRange(range), length: next.range.location - NSMaxRange(range))).lowercased()
        return [" ", " for ", " for the ", " for a ", " for its "].contains(between) ? next.name : nil
    }

    /// "a $899 product": a price of some product or other, not of one the prose tracks.
    func isGenericItem(after range: NSRange) -> Bool {
        let after = text.substring(from: NSMaxRange(range)).lowercased()
        return [" product", " device", " gadget", " phone", " laptop", " speaker", " soundbar", " model of"].contains { after.hasPrefix($0) }
    }

    /// A price written after "and" plus a new item of its own ("AirPods 2 for $150 and Black Friday pricing on
    /// thermostats from $139", "…, and you can even get $300 headphones"): not the earlier product's.
    func startsNewItem(before mention: ValueMention) -> Bool {
        guard let previous = values.last(where: { NSMaxRange($0.range) <= mention.range.location }) ?? mentions.last(where: {
            NSMaxRange($0.range) <= mention.range.location }).map({ ValueMention(value: Value(type: .text, text: ""), range: $0.range) })
        else { return false }
        let between = text.substring(with: NSRange(location: NSMaxRange(previous.range), length: mention.range.location - NSMaxRange(previous.range)))
            .lowercased()
        guard let and = between.range(of: " and ") else { return false }
        let rest = between[and.upperBound...].split(separator: " ")
        // "… and prices range from", "… and the other costs": still the same product's price; "… and weekend
        // pricing on desk lamps" names a new item.
        let priceWords = ["price", "prices", "pricing", "priced", "cost", "costs", "ranging", "range", "sells", "retails"]
        let words = rest.map { $0.trimmingCharacters(in: .punctuationCharacters) }
        // "… for $35 and on Amazon for $39", "… and at Best Buy for $95": the same product at another seller.
        if let first = words.first, ["on", "at", "from", "via", "through"].contains(first) { return false }
        if let index = words.prefix(3).firstIndex(where: priceWords.contains), index + 1 >= words.count || !["on", "for"].contains(words[index + 1]) {
            return false
        }
        return rest.count >= 3 && !mentions.contains { $0.range.location > previous.range.location && $0.range.location < mention.range.location }
    }

    /// A capacity that is storage, not memory.
    func isStorage(_ mention: ValueMention) -> Bool {
        let after = String(text.substring(from: NSMaxRange(mention.range)).lowercased().prefix(20))
        let before = String(text.substring(to: mention.range.location).lowercased().suffix(30))
        let storage = ["storage", "ssd", "drive", "disk", "esata", "hdd", "nand", "flash", "microsd", "sd card", "cloud"]
        return storage.contains { after.contains($0) || before.contains($0) }
    }

    /// A date a plan gave and then dropped: "originally expected to launch on October 15 but was pushed back to
    /// October 29th" (the later date holds).
    func isSuperseded(_ mention: ValueMention) -> Bool {
        guard ["pushed back", "delayed", "postponed", "moved to", "slipped", "pushing"].contains(where: search.contains) else { return false }
        let before = String(text.substring(to: mention.range.location).lowercased().suffix(50))
        return ["originally", "initially", "was supposed to", "had been expected", "first planned", "previously"].contains { before.contains($0) }
            || text.substring(from: NSMaxRange(mention.range)).lowercased().hasPrefix(" but")
    }

    /// A date of something other than a release: an order book opening, a pre-order, an acquisition, a
    /// founding, a funding round.
    func datesOtherEvent(_ mention: ValueMention) -> Bool {
        let before = String(text.substring(to: mention.range.location).lowercased().suffix(60))
        return ["order books", "orders open", "pre-order", "preorder", "reservations", "acquired", "bought", "founded", "raised",
                "filed", "hired", "appointed", "merged", "sued", "invested", "testing until", "for testing"].contains { before.contains($0) }
    }

    /// The value of a declared attribute's kind nearest its cue (within 60 characters), and where it is written.
    func declaredValue(_ kind: Vocabulary.ValueKind?, near cue: NSRange) -> (Value, NSRange)? {
        func nearest(_ candidates: [(Value, NSRange)]) -> (Value, NSRange)? {
            candidates.map { ($0, distance($0.1, cue)) }.filter { $0.1 <= 60 }.min { $0.1 < $1.1 }?.0
        }
        switch kind {
        case .money:
            return nearest(values.filter { $0.value.type == .money && !isPriceDifference($0) }.map { ($0.value, $0.range) })
        case .date:
            return nearest(values.filter { $0.value.type == .date || $0.value.type == .period }.map { ($0.value, $0.range) })
        case .text:
            let rest = text.substring(from: NSMaxRange(cue))
            let words = rest.prefix { !".,;:()".contains($0) }.split(separator: " ").prefix(8).joined(separator: " ")
            guard !words.isEmpty else { return nil }
            return (Value(type: .text, text: words), NSRange(location: NSMaxRange(cue), length: min((rest as NSString).length, (words as NSString).length + 1)))
        case .number, .quantity, nil:
            // Numbers not already read as money or dates, with the unit word written after them.
            let taken = values.filter { $0.value.type == .money || $0.value.type == .date || $0.value.type == .period }.map(\.range)
            var candidates: [(Value, NSRange)] = []
            for match in Self.amount.matches(in: sentence, range: NSRange(location: 0, length: text.length)) {
                guard !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }),
                      !mentions.contains(where: { NSIntersectionRange($0.range, match.range).length > 0 }),
                      let number = Double(text.substring(with: match.range(at: 1)).replacingOccurrences(of: ",", with: "")) else { continue }
                let word = match.range(at: 2).location == NSNotFound ? nil : text.substring(with: match.range(at: 2))
                let unit = word.flatMap { Self.unitStopWords.contains($0.lowercased()) ? nil : $0 }
                switch kind {
                case .number:
                    candidates.append((Value(type: .number, text: text.substring(with: match.range(at: 1)), number: number), match.range(at: 1)))
                case .quantity(let units) where !units.isEmpty:
                    guard let unit, units.contains(where: { $0.caseInsensitiveCompare(unit) == .orderedSame }) else { continue }
                    candidates.append((Value(type: .quantity, text: text.substring(with: match.range), number: number, unit: unit), match.range))
                default:
                    let range = unit == nil ? match.range(at: 1) : match.range
                    candidates.append((Value(type: unit == nil ? .number : .quantity, text: text.substring(with: range), number: number, unit: unit), range))
                }
            }
            return nearest(candidates)
        }
    }

    /// A number and the word written right after it ("5,000 mAh", "6.7-inch", "14 ports").
    static let amount = try! NSRegularExpression(pattern: #"(?<![\w.$€£])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?-?\s?([A-Za-z%]{1,6})\b)?"#)
    /// Words after a number that are no unit.
    static let unitStopWords: Set<String> = ["and", "or", "the", "to", "in", "of", "for", "a", "an", "on", "at", "by", "with", "from",
                                             "as", "is", "are", "was", "it", "its", "this", "that", "than", "per", "new", "more", "less"]

    /// What a release verb can launch that is no product: "launched a repair program for Mac mini models",
    /// "introduced a few good deals on the AirTag".
    static let releasedNonProducts: Set<String> = ["program", "programs", "deal", "deals", "discount", "discounts", "sale", "sales",
                                                   "promotion", "promotions", "offer", "offers", "campaign", "subscription", "service",
                                                   "trial", "pilot", "investigation", "lawsuit", "survey", "study", "contest"]

    /// Whether the release verb nearest a date is said of something that is no product (a program, a deal):
    /// then the date is that thing's ("launched a trade-in program in March and will release the Zenbook in
    /// June": March is the program's).
    func releasesOtherThing(near mention: ValueMention, triggers: [String]) -> Bool {
        let lowerText = lower as NSString
        // The verb written before the date governs it ("launched a program in March"); else the one after
        // ("In March the maker launched a program").
        var nearest: (before: Bool, distance: Int, otherThing: Bool)?
        for trigger in triggers where trigger.count > 2 && search.contains(trigger) {
            var range = NSRange(location: 0, length: lowerText.length)
            while case let at = lowerText.range(of: trigger, options: .literal, range: range), at.location != NSNotFound {
                range = NSRange(location: NSMaxRange(at), length: lowerText.length - NSMaxRange(at))
                let before = at.location < mention.range.location, gap = distance(at, mention.range)
                if let nearest, nearest.before && !before || nearest.before == before && nearest.distance <= gap { continue }
                nearest = (before, gap, saysOtherThing(after: at))
            }
        }
        return nearest?.otherThing == true
    }

    /// Whether the words after a release verb, before any tracked product or punctuation mark, name no product.
    private func saysOtherThing(after verb: NSRange) -> Bool {
        let rest = (lower as NSString).substring(from: NSMaxRange(verb))
        let words = rest.prefix { !",.;:()".contains($0) }.split(separator: " ").dropFirst(rest.first == " " ? 0 : 1).prefix(5)
        let product = mentions.map(\.range.location).filter { $0 > verb.location }.min() ?? Int.max
        var offset = NSMaxRange(verb)
        for word in words {
            offset += word.utf16.count + 1
            if offset > product { return false }
            if Self.releasedNonProducts.contains(String(word)) { return true }
        }
        return false
    }

    /// Whether the sentence has a release verb; "introduced" only as something done ("which Sonos introduced"),
    /// not planned ("could be introduced at WWDC" is an announcement).
    func hasReleaseTrigger(_ triggers: [String]) -> Bool {
        triggers.contains { trigger in
            guard let at = search.offset(of: trigger) else { return false }
            if trigger == "introduced" {
                let before = (lower as NSString).substring(to: min(at, (lower as NSString).length))
                return !(before.hasSuffix("be ") || before.hasSuffix("being ") || before.hasSuffix("been "))
            }
            return true
        }
    }
}

extension NSRange {
    /// nil when a search found nothing.
    var nilIfNotFound: NSRange? { location == NSNotFound ? nil : self }
}
