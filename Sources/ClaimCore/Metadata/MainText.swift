import HTMLKit

/// Finds an article's prose when no selector says where it is, the way readability extractors do: each
/// paragraph scores the containers above it (longer and comma-rich paragraphs more), class and id names that
/// mean boilerplate (comments, sidebars, related stories, newsletters, shopping widgets, teaser cards) count
/// against a container and names that mean prose count for it, and a container's score shrinks with the
/// share of its text that is links. Text written straight into a container between `<br>` tags counts as
/// paragraphs. Inside the winner (and the siblings that score nearly as well) boilerplate is left out.
public enum MainText {
    /// Elements never read as prose, whatever their text.
    static let unlikelyElements: Set<String> = ["script", "style", "noscript", "template", "nav", "footer", "aside", "form",
                                                "iframe", "svg", "button", "select", "textarea", "menu", "dialog"]
    /// Words in a class or id that mean boilerplate (compared with each word of the attribute).
    static let boilerplateWords: Set<String> = ["comment", "comments", "sidebar", "related", "promo", "promotion",
                                                "newsletter", "share", "sharing", "social", "footer", "nav", "navigation",
                                                "menu", "widget", "ad", "ads", "advert", "advertisement", "sponsor",
                                                "sponsored", "shopping", "subscribe", "subscription", "popup", "modal",
                                                "cookie", "breadcrumb", "breadcrumbs", "tags", "bio", "recommended",
                                                "trending", "popular", "teaser", "card", "cards", "outbrain", "taboola",
                                                "disqus", "masthead", "signup", "deals", "offers", "rail", "more",
                                                "toolbar", "pagination", "pager", "byline", "author", "caption", "credit",
                                                "banner", "lightbox", "gallery", "carousel", "feedback"]
    /// Prefixes of boilerplate words ("commentlist", "related-posts" split as "related").
    static let boilerplatePrefixes = ["comment", "sidebar", "newsletter", "advert", "sponsor", "taboola", "outbrain", "recommend", "subscribe"]
    /// Words in a class or id that mean prose.
    static let proseWords: Set<String> = ["article", "articlebody", "body", "content", "entry", "main", "post", "text", "blog",
                                          "story", "prose", "storybody", "postbody", "copy"]

    /// The article's prose blocks, and the element that held most of them; nil when no container scores as
    /// prose (a listing, an empty page).
    public static func passages(in document: HTMLDocument) -> (container: Node, blocks: [String])? {
        guard let root = (try? document.first("//body")) ?? document.root else { return nil }
        var scores: [Node: Double] = [:]
        func credit(_ node: Node?, _ amount: Double) {
            guard let node else { return }
            if scores[node] == nil { scores[node] = initialScore(node) }
            scores[node]! += amount
        }
        root.walkDescendants { node in
            let name = node.name
            if unlikelyElements.contains(name) || isBoilerplate(node) { return .skipChildren }
            let isParagraph = name == "p" || name == "pre" || name == "blockquote"
            let text = isParagraph ? node.text : node.ownText
            guard text.count >= (isParagraph ? 25 : 80) else { return .descend }
            let score = 1 + Double(text.filter { $0 == "," }.count) + min(Double(text.count / 100), 3)
            if isParagraph {
                let parent = node.parent
                credit(parent, score)
                credit(parent?.parent, score / 2)
                credit(parent?.parent?.parent, score / 3)
                return .skipChildren
            }
            // Prose written straight into this container, between <br> tags.
            credit(node, score)
            credit(node.parent, score / 2)
            return .descend
        }
        // Links discount a container: a list of related stories scores by its text like an article would.
        let ranked = scores.sorted { $0.value > $1.value }.prefix(8).map { ($0.key, $0.value * (1 - linkDensity($0.key))) }
        guard let (best, bestScore) = ranked.max(by: { $0.1 < $1.1 }), bestScore >= 10 else { return nil }
        // Siblings that score nearly as well are parts of the same article (a page that splits it in sections).
        var nodes = [best]
        if let parent = best.parent {
            let threshold = max(10, bestScore * 0.2)
            nodes = parent.children.filter { child in
                if child == best { return true }
                if unlikelyElements.contains(child.name) || isBoilerplate(child) { return false }
                if let score = scores[child], score * (1 - linkDensity(child)) >= threshold { return true }
                return child.name == "p" && child.text.count > 80 && linkDensity(child) < 0.25
            }
        }
        return (best, nodes.flatMap(blocks(of:)))
    }

    /// The prose blocks of an article's container, leaving out the boilerplate inside it (ads, embeds, related
    /// stories, link lists): for plugins that know the container but not what a site puts in it.
    public static func blocks(of container: Node) -> [String] {
        container.blocks(excluding: container.outermostDescendants {
            isBoilerplate($0) || isPlacedInside($0) || unlikelyElements.contains($0.name) || isLinkList($0)
        })
    }

    /// Words that mark something placed inside an article's text (an ad, a related-story card, a video embed),
    /// whatever else its class says ("article feature sidebar").
    static let placedWords: Set<String> = ["sidebar", "related", "promo", "advert", "advertisement", "ad", "ads", "sponsored", "teaser",
                                           "card", "youtube", "video", "newsletter", "inlinead", "outbrain", "taboola"]

    static func isPlacedInside(_ node: Node) -> Bool {
        classWords(node).contains(where: placedWords.contains)
    }

    /// Readability's starting score: by element, and by what its class and id say.
    static func initialScore(_ node: Node) -> Double {
        var score: Double
        switch node.name {
        case "div", "article", "section", "main": score = 5
        case "pre", "td", "blockquote": score = 3
        case "ol", "ul", "li", "dl", "dd", "dt", "address", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let words = classWords(node)
        if words.contains(where: { boilerplateWords.contains($0) || boilerplatePrefixes.contains(where: $0.hasPrefix) }) { score -= 25 }
        if words.contains(where: proseWords.contains) { score += 25 }
        return score
    }

    /// A class or id that says boilerplate and nothing that says prose.
    static func isBoilerplate(_ node: Node) -> Bool {
        let words = classWords(node)
        guard !words.isEmpty, !words.contains(where: proseWords.contains) else { return false }
        return words.contains { boilerplateWords.contains($0) || boilerplatePrefixes.contains(where: $0.hasPrefix) }
    }

    /// The lower-case words of an element's class and id ("article-body js-x" → article, body, js, x).
    static func classWords(_ node: Node) -> [String] {
        let names = [node.attribute("class"), node.attribute("id")].compactMap { $0 }
        guard !names.isEmpty else { return [] }
        return names.joined(separator: " ").lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// A list or block that is mostly links (related stories, tag clouds, "read more").
    static func isLinkList(_ node: Node) -> Bool {
        guard ["ul", "ol", "div", "section", "table"].contains(node.name) else { return false }
        return linkDensity(node) > 0.5
    }

    /// The share of an element's visible text that sits inside links.
    static func linkDensity(_ node: Node) -> Double {
        let total = node.text.count
        guard total > 0 else { return 0 }
        var linked = 0
        node.walkDescendants { child in
            guard child.name == "a" else { return .descend }
            linked += child.text.count
            return .skipChildren
        }
        return min(1, Double(linked) / Double(total))
    }
}
