import ClaimCore
import ClaimResolver
import Foundation

/// The digest as one self-contained HTML file (no external assets; readable on a phone): per question a
/// timeline drawn as inline SVG — time across, each claim a mark at its statement date, its date window
/// or value beside it, its confidence label as shape and colour, contradictions joined by a red line —
/// and numbered citations linking to the page and naming the archived record.
public enum HTMLDigest: DigestRenderer {
    static let separator = ""

    static func document(_ parts: DigestParts, into output: DigestOutput) throws {
        try output.write("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>claimtrack digest</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>claimtrack digest</h1><p>Workspace <code>\(escape(parts.workspace))</code> · as of run <code>\(escape(parts.run ?? "none"))</code> · \(parts.questions) questions, \(parts.claims) claims</p>\(legend)</header>
            <main>

            """)
        for (id, title, list) in [("unresolved", "Unresolved questions", parts.unresolved), ("resolved", "Resolved questions", parts.resolved),
                                  ("unlinked", "Claims not linked to a question", parts.unlinked)] {
            try output.write("<section id=\"\(id)\"><h2>\(title)</h2>\n")
            if list.isEmpty { try output.write("<p>None.</p>\n") } else { try list.copy(into: output) }
            try output.write("</section>\n")
        }
        try output.write("<section id=\"sources\"><h2>Sources</h2>\n<ul>\n")
        try output.write(parts.sources.map { source in
            let record = source.record.map { " — " + escape(DigestComposer.describe($0)) } ?? ""
            return "<li>\(escape(source.publisher)): \(source.pages) page\(source.pages == 1 ? "" : "s")\(record)</li>\n"
        }.joined())
        try output.write("</ul>\n<ol class=\"references\">\n")
        try parts.references.copy(into: output)
        try output.write("</ol>\n</section>\n</main>\n</body>\n</html>\n")
    }

    static func unlinked(subject: String, claims: [Claim], _ references: DigestReferences) -> String {
        "<h3>\(escape(subject))</h3>\n<ul class=\"claims\">\n" + claims.map { "<li>\(line($0, references))</li>\n" }.joined() + "</ul>\n"
    }

    static func reference(_ number: Int, _ entry: DigestReferences.Entry) -> String {
        "<li id=\"ref-\(number)\">\(citation(entry))</li>\n"
    }

    static let style = """
    body{font:16px/1.45 -apple-system,system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem;color:#1d1d1f;background:#fff}
    h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}h3{font-size:1.1rem;margin-bottom:.3rem}
    .question{border:1px solid #e2e2e2;border-radius:8px;padding:.8rem 1rem;margin:1rem 0}
    .status{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.85rem;color:#fff;background:#888}
    .status.contested{background:#c0392b}.status.ambiguous{background:#8e44ad}.status.evidence{background:#d68910}.status.open{background:#7f8c8d}.status.resolved{background:#1e8449}
    .timeline-box{overflow-x:auto;margin:.5rem 0}.timeline{display:block;max-width:none}.timeline text{font-size:12px;fill:#333}
    ul.claims{padding-left:1.1rem}ul.claims li{margin:.2rem 0}.contradiction{color:#c0392b}.unknown{color:#555}
    ol.references li{margin:.4rem 0;font-size:.9rem;overflow-wrap:anywhere}code{font-size:.85em;background:#f4f4f4;padding:0 .2rem;border-radius:3px}
    .legend svg{vertical-align:middle}.legend span{margin-right:.8rem;white-space:nowrap;font-size:.85rem}
    """

    /// Marks by label: shape and colour.
    static func mark(_ label: Confidence.Label, x: Double, y: Double) -> String {
        let (color, shape) = appearance(label)
        switch shape {
        case "square": return "<rect x=\"\(f(x - 5))\" y=\"\(f(y - 5))\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
        case "diamond": return "<path d=\"M\(f(x)) \(f(y - 6))L\(f(x + 6)) \(f(y))L\(f(x)) \(f(y + 6))L\(f(x - 6)) \(f(y))Z\" fill=\"\(color)\"/>"
        case "triangle": return "<path d=\"M\(f(x)) \(f(y - 6))L\(f(x + 6)) \(f(y + 5))L\(f(x - 6)) \(f(y + 5))Z\" fill=\"\(color)\"/>"
        case "ring": return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"5\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
        default: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"5\" fill=\"\(color)\"/>"
        }
    }

    static func appearance(_ label: Confidence.Label) -> (color: String, shape: String) {
        switch label {
        case .official: ("#1e8449", "square")
        case .measured: ("#2471a3", "diamond")
        case .reported: ("#34495e", "circle")
        case .leaked: ("#af601a", "triangle")
        case .rumored: ("#d68910", "triangle")
        case .speculative: ("#95a5a6", "ring")
        case .userReport: ("#7d3c98", "ring")
        }
    }

    static var legend: String {
        "<p class=\"legend\">" + Confidence.Label.allCases.map { label in
            "<span><svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\">\(mark(label, x: 7, y: 7))</svg> \(label.rawValue)</span>"
        }.joined() + "</p>"
    }

    static func question(_ state: QuestionState, _ references: DigestReferences) -> String {
        var out = "<article class=\"question\" id=\"q-\(escape(state.id))\">\n<h3>\(escape(state.text)) <code>\(escape(state.id))</code></h3>\n"
        out += "<p><span class=\"status \(state.status.rawValue)\">\(state.status.rawValue)</span> Best current answer: <strong>\(escape(state.answer ?? "none yet"))</strong>"
        if let manual = state.manual {
            out += " (manual answer) <a href=\"#ref-\(references.existing(manual))\">[\(references.existing(manual))]</a>"
        }
        if let confidence = state.confidence { out += " (\(confidence.label.rawValue), \(String(format: "%.2f", confidence.score)))" }
        if let spread = state.spread { out += " · spread \(escape(spread))" }
        out += " · \(state.independentSources) independent source\(state.independentSources == 1 ? "" : "s")</p>\n"
        if !state.claims.isEmpty {
            out += timeline(state, references)
            out += "<ul class=\"claims\">\n" + state.claims.map { "<li>\(line($0, references))</li>\n" }.joined() + "</ul>\n"
        }
        for unknown in state.unknowns {
            out += "<p class=\"unknown\">Still unknown: <q>\(escape(unknown.quote))</q> <a href=\"#ref-\(references.existing(unknown))\">[\(references.existing(unknown))]</a></p>\n"
        }
        for contradiction in state.contradictions {
            let (a, b) = (contradiction.claims[0], contradiction.claims[1])
            out += "<p class=\"contradiction\">Contradiction: \(escape(a.value.display)) <a href=\"#ref-\(references.existing(a))\">[\(references.existing(a))]</a> vs \(escape(b.value.display)) <a href=\"#ref-\(references.existing(b))\">[\(references.existing(b))]</a> — \(escape(contradiction.reason))</p>\n"
        }
        return out + "</article>\n"
    }

    /// Time across (statement dates and claimed windows share the axis), one row per claim.
    private static func timeline(_ state: QuestionState, _ references: DigestReferences) -> String {
        let claims = state.claims.sorted { ($0.statedAt ?? .distantPast) < ($1.statedAt ?? .distantPast) }
        var days: [Double] = []
        for claim in claims {
            if let stated = claim.statedAt { days.append(stated.timeIntervalSince1970 / 86_400) }
            for bound in [claim.value.start, claim.value.end].compactMap({ $0 }) where claim.value.type == .date || claim.value.type == .period {
                if let date = Timestamp.iso8601(bound) { days.append(date.timeIntervalSince1970 / 86_400) }
            }
            // When a value holds ("$1,600 until March 20", "$2,000 from now on") shares the axis too.
            for bound in [claim.validTime?.start, claim.validTime?.end].compactMap({ $0 }) {
                if let date = Timestamp.iso8601(bound) { days.append(date.timeIntervalSince1970 / 86_400) }
            }
        }
        guard var low = days.min(), var high = days.max() else { return "" }
        if high - low < 30 { low -= 15; high += 15 }
        let width = 640.0, left = 12.0, right = 200.0, rowHeight = 26.0, top = 24.0
        let height = top + Double(claims.count) * rowHeight + 10
        func x(_ day: Double) -> Double { left + (day - low) / (high - low) * (width - left - right) }
        // Drawn at its own size, never scaled with the page: its text stays as large on a phone as on a desk,
        // and a screen narrower than the timeline scrolls it sideways inside its box, not the page.
        var svg = "<div class=\"timeline-box\"><svg class=\"timeline\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"Timeline of the claims on \(escape(state.id))\">\n"
        // Month ticks along the top.
        var tick = Timestamp.components(Date(timeIntervalSince1970: low * 86_400))
        var monthsDrawn = 0
        var gridlines = "", labels: [String] = []
        // About six labelled months whatever the span, so labels never overlap.
        let step = max(1, Int(((high - low) / 30.4 / 6).rounded(.up)))
        while monthsDrawn < 600, let date = Timestamp.utc(year: tick.year, month: tick.month, day: 1) {
            let day = date.timeIntervalSince1970 / 86_400
            if day > high { break }
            if day >= low && (tick.year * 12 + tick.month) % step == 0 {
                gridlines += "<line x1=\"\(f(x(day)))\" y1=\"14\" x2=\"\(f(x(day)))\" y2=\"\(f(height - 6))\" stroke=\"#eee\"/>"
                labels.append("<text x=\"\(f(x(day) + 2))\" y=\"11\">\(String(format: "%04d-%02d", tick.year, tick.month))</text>")
            }
            tick = tick.month == 12 ? (tick.year + 1, 1, 1, 0, 0, 0) : (tick.year, tick.month + 1, 1, 0, 0, 0)
            monthsDrawn += 1
        }
        // Fewer than two months labelled (a span of weeks, a single claim): the axis is named by its first
        // and last days instead, so it always reads as a span.
        if labels.count < 2 {
            labels = [low, high].map { day in
                let date = Timestamp.components(Date(timeIntervalSince1970: day * 86_400))
                return "<text x=\"\(f(x(day)))\" y=\"11\" text-anchor=\"\(day == low ? "start" : "end")\">\(String(format: "%04d-%02d-%02d", date.year, date.month, date.day))</text>"
            }
        }
        svg += gridlines.isEmpty && labels.isEmpty ? "" : gridlines + labels.joined() + "\n"
        var positions: [String: (Double, Double)] = [:]
        for (row, claim) in claims.enumerated() {
            let y = top + Double(row) * rowHeight + rowHeight / 2
            let statedX = claim.statedAt.map { x($0.timeIntervalSince1970 / 86_400) } ?? left
            if claim.value.type == .date || claim.value.type == .period,
               let start = claim.value.start.flatMap({ Timestamp.iso8601($0) }),
               let end = (claim.value.end ?? claim.value.start).flatMap({ Timestamp.iso8601($0) }) {
                let (color, _) = appearance(claim.confidence.label)
                let x1 = x(start.timeIntervalSince1970 / 86_400), x2 = x(end.timeIntervalSince1970 / 86_400 + 1)
                svg += "<line x1=\"\(f(statedX))\" y1=\"\(f(y))\" x2=\"\(f(x1))\" y2=\"\(f(y))\" stroke=\"\(color)\" stroke-dasharray=\"2 3\"/>"
                svg += "<rect x=\"\(f(x1))\" y=\"\(f(y - 4))\" width=\"\(f(max(3, x2 - x1)))\" height=\"8\" fill=\"\(color)\" opacity=\"0.35\"/>"
            }
            if let valid = claim.validTime, valid.start != nil || valid.end != nil {
                // The window the value holds in, under its row: an open end runs to the edge, so a change
                // ("$1,600" until a date, "$2,000" from it) shows as two windows meeting.
                let (color, _) = appearance(claim.confidence.label)
                let from = valid.start.flatMap { Timestamp.iso8601($0) }.map { x($0.timeIntervalSince1970 / 86_400) } ?? left
                let to = valid.end.flatMap { Timestamp.iso8601($0) }.map { x($0.timeIntervalSince1970 / 86_400 + 1) } ?? (width - right)
                svg += "<line x1=\"\(f(from))\" y1=\"\(f(y + 9))\" x2=\"\(f(max(from + 2, to)))\" y2=\"\(f(y + 9))\" stroke=\"\(color)\" stroke-width=\"3\"><title>\(escape(valid.text))</title></line>"
            }
            svg += mark(claim.confidence.label, x: statedX, y: y)
            let reference = references.existing(claim)
            svg += "<a href=\"#ref-\(reference)\"><text x=\"\(f(width - right + 8))\" y=\"\(f(y + 4))\">\(escape(String(claim.value.display.prefix(24)))) [\(reference)]</text></a>\n"
            positions[DigestReferences.key(claim) + claim.value.display] = (statedX, y)
        }
        for contradiction in state.contradictions {
            guard let a = positions[DigestReferences.key(contradiction.claims[0]) + contradiction.claims[0].value.display],
                  let b = positions[DigestReferences.key(contradiction.claims[1]) + contradiction.claims[1].value.display] else { continue }
            svg += "<line x1=\"\(f(a.0))\" y1=\"\(f(a.1))\" x2=\"\(f(b.0))\" y2=\"\(f(b.1))\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"><title>contradiction</title></line>\n"
        }
        return svg + "</svg></div>\n"
    }

    private static func line(_ claim: Claim, _ references: DigestReferences) -> String {
        var text = "\(escape(claim.subject)) · \(escape(claim.attribute))"
        if let qualifier = claim.qualifier { text += " (\(escape(qualifier)))" }
        text += ": <strong>\(escape(claim.value.display))</strong>"
        if let validTime = claim.validTime { text += " (\(escape(validTime.text)))" }
        let reference = references.existing(claim)
        return text + " — \(claim.confidence.label.rawValue) <a href=\"#ref-\(reference)\">[\(reference)]</a>"
    }

    private static func citation(_ entry: DigestReferences.Entry) -> String {
        let citation = entry.citation
        var parts = [citation?.publisher, citation?.title.map { "\u{201C}\($0)\u{201D}" }, citation?.author.map { "by \($0)" }]
            .compactMap { $0 }.map(escape)
        if let url = citation?.url { parts.append(link(url)) }
        if let feed = citation?.quotedIn { parts.append("as quoted in " + link(feed)) }
        if let published = citation?.published { parts.append("published \(Timestamp.format(published))") }
        if let retrieved = citation?.retrieved { parts.append("retrieved \(Timestamp.format(retrieved))") }
        if let record = citation?.warcRecordID { parts.append("archive record <code>\(escape(record))</code>") }
        if let digest = citation?.payloadDigest { parts.append("payload <code>\(escape(digest))</code>") }
        return parts.joined(separator: ", ") + ". <q>\(escape(entry.quote))</q>"
    }

    /// A live link only for http(s); anything else (javascript:, data:, file:) is shown as text.
    static func link(_ raw: String) -> String {
        let url = Links.normalized(raw)  // a store from an older build may hold a URL with line breaks in it
        guard let scheme = URL(string: url)?.scheme?.lowercased(), ["http", "https"].contains(scheme) else { return "<code>\(escape(url))</code>" }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(escape(url))</a>"
    }

    /// Escapes text for HTML element content and double-quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func f(_ number: Double) -> String { String(format: "%.1f", number) }
}
