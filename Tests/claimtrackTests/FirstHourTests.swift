import Foundation
import Testing

/// What a new user meets building a workspace of their own (issue "The first hour").
@Suite struct FirstHourTests {
    /// One mistaken block in Questions.list costs its own question, not the file: every command goes on with
    /// the good ones, names the line at fault with a suggestion, and exits 1.
    @Test func oneMistakeCostsOneQuestion() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let file = workspace.appendingPathComponent("Questions.list")
        let original = try String(contentsOf: file, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).count
        try (original + """

            [ecobee-price]
            text: What does the ecobee cost?
            subjects: ecobee
            attribute: prce

            [studio-date]
            text: When does the Studio ship?
            subject: Mac Studio
            attribute: release-dat
            resolved-by: offical

            """).write(to: file, atomically: true, encoding: .utf8)
        let first = lines  // the file ends with a line break: the appended blank line is line `lines`, "[ecobee-price]" the next
        for arguments in [["fetch", "--offline"], ["questions"], ["claims"], ["export"]] {
            let result = try CLI.run(arguments + ["--workspace", workspace.path])
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("Questions.list:\(first + 4): error: question 'ecobee-price': unknown attribute 'prce'; did you mean 'price'?"),
                    "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("Questions.list:\(first + 8): error: unknown key 'subject'; did you mean 'subjects'?"), "\(result.stderr)")
            #expect(result.stdout.count > 100, "\(arguments) printed nothing")
        }
        let questions = try CLI.run(["questions", "--workspace", workspace.path]).stdout
        #expect(questions.contains("studio-server") && !questions.contains("ecobee-price") && !questions.contains("studio-date"))
        // Each mistake is named once per command, and the others of a block are found once the first is fixed.
        try (original + "\n[studio-date]\ntext: When?\nsubjects: Mac Studio\nattribute: release-dat\nresolved-by: offical\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let fixed = try CLI.run(["questions", "--workspace", workspace.path])
        #expect(fixed.stderr.contains("unknown attribute 'release-dat'; did you mean 'release-date'?"), "\(fixed.stderr)")
        #expect(fixed.stderr.components(separatedBy: "release-dat'").count == 2)
        try (original + "\n[studio-date]\ntext: When?\nsubjects: Mac Studio\nattribute: release-date\nresolved-by: offical\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["questions", "--workspace", workspace.path]).stderr.contains("unknown resolved-by 'offical'; did you mean 'official'?"))
        // question add still refuses a mistake of its own, and does not refuse for one already in the file.
        let added = try CLI.run(["question", "add", "ecobee", "--text", "Price?", "--subject", "ecobee", "--attribute", "price",
                                 "--workspace", workspace.path])
        #expect(added.status == 1 && added.stdout.contains("added ecobee"), "\(added.stderr)")
        let refused = try CLI.run(["question", "add", "x", "--text", "?", "--subject", "ecobee", "--attribute", "prise", "--workspace", workspace.path])
        #expect(refused.status == 1 && refused.stderr.contains("did you mean 'price'?") && !refused.stdout.contains("added"))
    }

    /// A manual answer's `cite:` is a citation like any other: shown by question show and the listings,
    /// footnoted with its URL in every digest.
    @Test func aManualAnswerIsCitedEverywhere() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let cite = "https://www.apple.com/newsroom/2026/06/no-studio-server/"
        let resolve = try CLI.run(["question", "resolve", "studio-server", "--answer", "Not planned", "--cite", cite, "--workspace", workspace.path])
        #expect(resolve.status == 0, "\(resolve.stderr)")
        #expect(try CLI.run(["question", "show", "studio-server", "--workspace", workspace.path]).stdout.contains("manual answer, cited: \(cite)"))
        #expect(try CLI.run(["questions", "--all", "--workspace", workspace.path]).stdout.contains("(manual answer, cited: \(cite))"))
        let json = try CLI.run(["questions", "--all", "--json", "--workspace", workspace.path]).stdout
        #expect(json.contains("\"citation\" : \"\(cite.replacingOccurrences(of: "/", with: "\\/"))\"") || json.contains("\"citation\" : \"\(cite)\""), "\(json.prefix(3000))")
        let markdown = try CLI.run(["export", "--format", "markdown", "--workspace", workspace.path]).stdout
        let reference = try #require(markdown.firstMatch(of: /Not planned \(manual answer\) \[\^(\d+)\]/)).1
        #expect(markdown.contains("[^\(reference)]: Manual answer in Questions.list, <\(cite)>. Quote: \u{201C}Not planned\u{201D}"), "\(markdown)")
        let html = try CLI.run(["export", "--format", "html", "--workspace", workspace.path]).stdout
        #expect(html.contains("(manual answer) <a href=\"#ref-") && html.contains("href=\"\(cite)\""))
        let digest = try CLI.run(["export", "--format", "json", "--workspace", workspace.path]).stdout
        #expect(digest.contains("\"manualAnswer\" : \(reference)"), "\(digest.prefix(2000))")
    }

    /// The README's generic listing: its items= and links= selectors apply to the listing, and the articles it
    /// leads to are read as articles (cascade and main-text finder), so their claims are found.
    @Test func aGenericListingLeadsToArticlesReadAsArticles() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let site = workspace.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        let products = ["Mac Studio", "M5 Ultra", "Mac Pro"]
        var items = ""
        for (index, product) in products.enumerated() {
            items += "<li class=\"story\"><a href=\"story-\(index).html\">\(product) news</a> <span>teaser</span></li>\n"
            try Data("""
                <html><head><title>\(product) report \(index)</title>
                <meta property="article:published_time" content="2026-03-0\(index + 1)T09:00:00Z"></head><body>
                <header><nav><a href="/">Home</a></nav></header>
                <article><h1>\(product) report \(index)</h1>
                <p>Apple will ship the M5 Ultra in June 2027, according to people familiar with the plans.</p>
                <p>The company declined to comment on the report, and pricing has not been announced yet.</p></article>
                </body></html>
                """.utf8).write(to: site.appendingPathComponent("story-\(index).html"))
        }
        try Data("<html><head><title>News</title></head><body><ul>\n\(items)</ul></body></html>".utf8)
            .write(to: site.appendingPathComponent("index.html"))
        let listing = site.appendingPathComponent("index.html").absoluteString
        try Data("generic \(listing) items=\"//li[@class='story']\" links=\".//a/@href\"\n".utf8)
            .write(to: workspace.appendingPathComponent("Sources.list"))
        let fetch = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(fetch.status == 0, "\(fetch.stderr)")
        #expect(!fetch.stderr.contains("found nothing"), "\(fetch.stderr)")
        #expect(fetch.stdout.contains("generic        4 pages  3 claims"), "\(fetch.stdout)")
        // A reparse reads the archived articles the same way.
        #expect(try CLI.run(["reparse", "--workspace", workspace.path]).stdout.contains("3 claims"))
    }

    /// Command-line conventions: --workspace before the command, suggestions for a mistyped command or
    /// subject, the command's own usage with an error about its arguments, and runs named several ways.
    @Test func commandLineConventions() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let before = try CLI.run(["--workspace", workspace.path, "fetch", "--offline"])
        #expect(before.status == 0 && before.stdout.contains("offline:"), "\(before.stderr)")
        #expect(try CLI.run(["--workspace=\(workspace.path)", "questions"]).stdout.contains("studio-server"))
        let typo = try CLI.run(["fecth", "--workspace", workspace.path])
        #expect(typo.status == 64 && typo.stderr.contains("unknown command 'fecth'; did you mean 'fetch'?"))
        #expect(try CLI.run(["question", "shwo", "x"]).stderr.contains("unknown command 'question shwo'; did you mean 'show'?"))
        let subject = try CLI.run(["claims", "--subject", "Mac Stduio", "--workspace", workspace.path])
        #expect(subject.status == 64 && subject.stderr.contains("no such subject 'Mac Stduio'; did you mean 'Mac Studio'?"))
        #expect(subject.stderr.contains("Usage: claimtrack claims ") && !subject.stderr.contains("SUBCOMMANDS"))
        let unknown = try CLI.run(["question", "show", "nope", "--workspace", workspace.path])
        #expect(unknown.status == 64 && unknown.stderr.contains("Usage: claimtrack question show <id>"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("See 'claimtrack question show --help'"))
        // A run by id, number, unique prefix or date: all name the same two runs here.
        let byID = try CLI.run(["diff", "--from", "2026-03-06T14:00:00Z", "--to", "2026-03-30T14:00:00Z", "--workspace", workspace.path]).stdout
        for (from, to) in [("1", "2"), ("2026-03-06", "2026-03-30T14"), ("2026-03-07", "2026-04-01")] {
            #expect(try CLI.run(["diff", "--from", from, "--to", to, "--workspace", workspace.path]).stdout == byID, "\(from) \(to)")
        }
        #expect(try CLI.run(["diff", "--from", "2026-03", "--workspace", workspace.path]).stderr.contains("could be any of"))
    }

    /// The README's walk-through, run word for word (after the build, which the tests already did) in a
    /// fresh /tmp/first-workspace: it ends with a question and its answer, as the README shows.
    @Test func theWalkThroughGivesAQuestionWithAnAnswer() throws {
        let readme = try String(contentsOf: CLI.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Your first workspace"))
        let script = try #require(readme.range(of: "```sh\n", range: section.upperBound..<readme.endIndex))
        let scriptEnd = try #require(readme.range(of: "```", range: script.upperBound..<readme.endIndex))
        let printed = try #require(readme.range(of: "```\n", range: scriptEnd.upperBound..<readme.endIndex))
        let printedEnd = try #require(readme.range(of: "```", range: printed.upperBound..<readme.endIndex))
        let commands = String(readme[script.upperBound..<scriptEnd.lowerBound]).replacingOccurrences(of: "swift build && ", with: "")
        let expected = String(readme[printed.upperBound..<printedEnd.lowerBound])
        guard FileManager.default.fileExists(atPath: CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/corpus").path) else {
            print("FirstHourTests: ../shared/corpus is absent; the README walk-through (which copies a page from it) was skipped")
            return
        }
        try? FileManager.default.removeItem(atPath: "/tmp/first-workspace")
        defer { try? FileManager.default.removeItem(atPath: "/tmp/first-workspace") }
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = CLI.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        environment.removeValue(forKey: "CLAIMTRACK_WORKSPACE")
        let (status, text) = try CLI.output(of: "/bin/bash", ["-e", "-c", commands], in: CLI.repository, environment: environment)
        #expect(status == 0, "\(text)")
        #expect(text.hasSuffix(expected), "\(text)")
    }

    /// init starts a workspace without touching what is there; source add checks its line as a fetch reads it
    /// and source remove takes lines out, both keeping every other byte of Sources.list.
    @Test func initAndSourceEditing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("claimtrack-init-\(UUID().uuidString)/news")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let created = try CLI.run(["init", folder.path])
        #expect(created.status == 0 && created.stdout.contains("wrote Sources.list"), "\(created.stderr)")
        let gitignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(gitignore == ".claimtrack/\n")
        // The templates read as empty lists: no source, no question, no problem.
        #expect(try CLI.run(["sources", "--workspace", folder.path]).status == 0)
        #expect(try CLI.run(["questions", "--workspace", folder.path]).stdout.contains("no questions"))
        let sources = folder.appendingPathComponent("Sources.list")
        try (try Data(contentsOf: sources) + Data("# mine, with trailing spaces   \r\n".utf8)).write(to: sources)
        let template = try Data(contentsOf: sources)
        #expect(try CLI.run(["init", folder.path]).stdout.contains("kept Sources.list (already there)"))
        #expect(try Data(contentsOf: sources) == template)

        let bad = try CLI.run(["source", "add", "macrumor", "https://www.macrumors.com/", "--workspace", folder.path])
        #expect(bad.status == 1 && bad.stderr.contains("unknown source 'macrumor'"))
        let badOption = try CLI.run(["source", "add", "generic", "https://example.com/news", "title=//h1[", "--workspace", folder.path])
        #expect(badOption.status == 1 && badOption.stderr.contains("option title"))
        #expect(try Data(contentsOf: sources) == template)
        let added = try CLI.run(["source", "add", "generic", "https://example.com/news", "items=//li[@class='story']", "publisher=Example News",
                                 "max=5", "--workspace", folder.path])
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try CLI.run(["sources", "--json", "--workspace", folder.path]).stdout
        #expect(listed.contains("Example News") && listed.contains("li[@class='story']"))
        #expect(try CLI.run(["source", "add", "generic", "https://example.com/news", "--workspace", folder.path]).status == 64)
        _ = try CLI.run(["source", "add", "macrumors", "https://www.macrumors.com/", "--workspace", folder.path])
        let afterAdding = try Data(contentsOf: sources)
        #expect(afterAdding.starts(with: template))
        let removed = try CLI.run(["source", "remove", "https://example.com/news", "--workspace", folder.path])
        #expect(removed.status == 0 && removed.stdout.contains("removed Sources.list:"), "\(removed.stderr)")
        // Numbered as Sources.list:N reads it: by line feeds (a CRLF line is one line).
        let line = try #require(try Data(contentsOf: sources).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .firstIndex { $0.starts(with: Data("macrumors https://www.macrumors.com/".utf8)) }) + 1
        #expect(try CLI.run(["source", "remove", "Sources.list:\(line)", "--workspace", folder.path]).status == 0)
        #expect(try Data(contentsOf: sources) == template)
        #expect(try CLI.run(["source", "remove", "https://nowhere.example/", "--workspace", folder.path]).status == 64)
    }

    /// The same warning on many pages is one line with a count and the first pages (every page with
    /// --verbose); --quiet prints errors only.
    @Test func aRepeatedWarningIsOneLine() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let site = workspace.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        var items = ""
        for index in 0..<5 {
            items += "<li class=\"story\"><a href=\"empty-\(index).html\">x</a></li>"
            try Data("<html><body><div class=\"ad\"></div></body></html>".utf8).write(to: site.appendingPathComponent("empty-\(index).html"))
        }
        try Data("<html><body><ul>\(items)</ul></body></html>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("generic \(site.appendingPathComponent("index.html").absoluteString) items=\"//li[@class='story']\"\n".utf8)
            .write(to: workspace.appendingPathComponent("Sources.list"))
        let fetch = try CLI.run(["fetch", "--workspace", workspace.path])
        let message = "warning: generic: no title and no prose found; give title= and body= selectors for this site (on 5 pages: "
        #expect(fetch.stderr.components(separatedBy: "no title and no prose found").count == 2, "\(fetch.stderr)")
        #expect(fetch.stderr.contains(message) && fetch.stderr.contains("and 2 more; --verbose lists them"), "\(fetch.stderr)")
        let verbose = try CLI.run(["reparse", "-v", "--workspace", workspace.path])
        #expect(verbose.stderr.contains("(on 5 pages:)"))
        #expect((0..<5).allSatisfy { verbose.stderr.contains("  " + site.appendingPathComponent("empty-\($0).html").absoluteString) })
        let quiet = try CLI.run(["reparse", "--quiet", "--workspace", workspace.path])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(try CLI.run(["reparse", "-q", "-v", "--workspace", workspace.path]).status == 64)
    }

    /// fetch --changes for cron: only what changed since the last run, nothing when nothing did, and exit
    /// codes a script can tell apart; an empty Sources.list makes no run; a failure names its URL once.
    @Test func aRunYouCanLeaveToCron() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let sources = workspace.appendingPathComponent("Sources.list")
        try Data("# nothing yet\n".utf8).write(to: sources)
        let empty = try CLI.run(["fetch", "--workspace", workspace.path])
        #expect(empty.status == 0 && empty.stderr.contains("names no source to fetch; nothing was fetched"), "\(empty.stderr)")
        let archived = (try? FileManager.default.contentsOfDirectory(atPath: workspace.appendingPathComponent("Archive").path)) ?? []
        #expect(archived.isEmpty, "\(archived)")
        #expect(try CLI.run(["runs", "--workspace", workspace.path]).stdout.contains("no runs yet"))

        // A page to fetch, under our control: its text changes between runs.
        let page = workspace.appendingPathComponent("story.html")
        func write(_ price: String) throws {
            try Data("""
                <html><head><title>Mac Studio</title></head><body><article><h1>Mac Studio price</h1>
                <p>Apple said the Mac Studio costs \(price) in the US.</p></article></body></html>
                """.utf8).write(to: page)
        }
        try write("$1,999")
        try Data("generic \(page.absoluteString)\n".utf8).write(to: sources)
        let first = try CLI.run(["fetch", "--changes", "--workspace", workspace.path])
        #expect(first.status == 2, "\(first.stderr)")
        #expect(first.stdout.contains("claims") && first.stdout.contains("+ Mac Studio · price: $1,999"), "\(first.stdout)")
        #expect(!first.stdout.contains("live claims"))
        let quiet = try CLI.run(["fetch", "--changes", "--workspace", workspace.path])
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet.stdout)")
        try write("$2,199")
        let changed = try CLI.run(["fetch", "--changes", "--workspace", workspace.path])
        #expect(changed.status == 2 && changed.stdout.contains("~ Mac Studio · price: $1,999 → $2,199"), "\(changed.stdout)")
        // A source that fails: exit 1, its URL named once.
        try Data("generic \(page.absoluteString)\ngeneric http://127.0.0.1:1/gone.html\n".utf8).write(to: sources)
        let failed = try CLI.run(["fetch", "--changes", "--workspace", workspace.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.components(separatedBy: "http://127.0.0.1:1/gone.html").count == 2, "\(failed.stderr)")
        #expect(try CLI.run(["fetch", "--changes", "--offline", "--workspace", workspace.path]).status == 64)
    }

    /// Help is wrapped once, by the parser (no line broken short in the middle of a sentence), and names each
    /// default once.
    @Test func helpIsWrappedOnceWithEachDefaultOnce() throws {
        for command in [["fetch"], ["reparse"], ["export"], ["claims"], ["questions"], ["diff"], ["question", "add"], ["evaluate"],
                        ["extract"], ["init"], ["source", "add"], ["verify"], []] {
            let help = try CLI.run(command + ["--help"]).stdout
            #expect(help.firstMatch(of: /\(default[^()]*\)\s*\(default/) == nil, "\(command): a default named twice")
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (line, next) in zip(lines, lines.dropFirst()) where !line.hasPrefix(" ") && !next.hasPrefix(" ") && !line.isEmpty {
                let ragged = line.count < 60 && !line.hasSuffix(".") && !line.hasSuffix(":") && next.first?.isLowercase == true
                #expect(!ragged, "\(command): '\(line)' broken before '\(next)'")
            }
        }
    }

    /// A question about a subject the stored pages were not read for: question add reads again just the
    /// archived pages that mention it (found by the full-text index), and the answer is there at once.
    @Test func aNewSubjectIsReadWithoutAReparse() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        var lines = ""
        for (name, text) in [("thermostat", "The ecobee Smart Thermostat Premium costs $249 at Best Buy, according to the retailer."),
                             ("studio", "Apple said the Mac Studio costs $1,999 in the US."),
                             ("watch", "The Apple Watch Series 11 costs $399, Apple said.")] {
            let page = workspace.appendingPathComponent("\(name).html")
            try Data("<html><head><title>\(name)</title></head><body><article><h1>\(name)</h1><p>\(text)</p></article></body></html>".utf8).write(to: page)
            lines += "generic \(page.absoluteString)\n"
        }
        try Data(lines.utf8).write(to: workspace.appendingPathComponent("Sources.list"))
        #expect(try CLI.run(["fetch", "--workspace", workspace.path]).status == 0)
        #expect(!(try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout.contains("$249")))
        let added = try CLI.run(["question", "add", "ecobee-price", "--text", "What does the ecobee thermostat cost?", "--subject", "ecobee",
                                 "--attribute", "price", "--workspace", workspace.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("read again 1 archived page that mentions ecobee"), "\(added.stdout)")
        let show = try CLI.run(["question", "show", "ecobee-price", "--workspace", workspace.path])
        #expect(show.stdout.contains("answer: $249"), "\(show.stdout)")
        // The other pages' claims are still there, stored once.
        let claims = try CLI.run(["claims", "--json", "--workspace", workspace.path]).stdout
        #expect(claims.components(separatedBy: "$1,999").count == 3 && claims.contains("$399"), "\(claims)")  // value and quote
        #expect(try CLI.run(["verify", "--workspace", workspace.path]).status == 0)
        // Written by hand instead, the listing says what to run, and fetch --offline does the reading.
        try (try String(contentsOf: workspace.appendingPathComponent("Questions.list"), encoding: .utf8)
             + "\n[watch-price]\ntext: What does the watch cost?\nsubjects: Series 11\nattribute: price\n")
            .write(to: workspace.appendingPathComponent("Questions.list"), atomically: true, encoding: .utf8)
        let listed = try CLI.run(["questions", "--workspace", workspace.path])
        #expect(listed.stderr.contains("note: series 11 is new since the archived pages were read; run 'claimtrack fetch --offline'"), "\(listed.stderr)")
        let offline = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        #expect(offline.stderr.contains("read again 1 archived page that mentions series 11"), "\(offline.stderr)")
        #expect(try CLI.run(["question", "show", "watch-price", "--workspace", workspace.path]).stdout.contains("answer: $399"))
    }

    /// evaluate scores with the built-in vocabulary, or with a workspace's when --workspace names one; a bad
    /// gold line is an error at FILE:LINE.
    @Test func evaluateTakesAWorkspace() throws {
        let workspace = try CLI.emptyWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        try Data("subject Zork Phone = zphone\n".utf8).write(to: workspace.appendingPathComponent("Vocabulary.list"))
        let gold = workspace.appendingPathComponent("gold.jsonl")
        try Data(("{\"sentence\": \"The zPhone costs $499, the company said.\", \"stated\": \"2026-03-01T00:00:00Z\", \"source\": \"macrumors\", "
                  + "\"claims\": [{\"subject\": \"Zork Phone\", \"attribute\": \"price\", \"value\": \"$499\", \"label\": \"reported\"}]}\n").utf8).write(to: gold)
        let builtIn = try CLI.run(["evaluate", "--gold", gold.path]).stdout
        let own = try CLI.run(["evaluate", "--gold", gold.path, "--workspace", workspace.path]).stdout
        #expect(builtIn.contains("(0/0/1)") && own.contains("(1/0/0)"), "\(builtIn)\n\(own)")
        try Data("{\"sentence\": 1}\n{broken\n".utf8).write(to: gold)
        let bad = try CLI.run(["evaluate", "--gold", gold.path, "--workspace", workspace.path])
        #expect(bad.status == 1 && bad.stderr.contains("\(gold.path):1: error: not a gold sentence") && bad.stderr.contains("\(gold.path):2: error:"))
    }

    /// Long commands draw progress on a terminal (run here under a pseudo-terminal with script(1)) and
    /// none into a pipe or a file.
    @Test func progressOnATerminalOnly() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        #expect(try CLI.run(["fetch", "--offline", "--workspace", workspace.path]).status == 0)
        let piped = try CLI.run(["export", "--workspace", workspace.path])
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("FirstHourTests: no script(1); the terminal half of the progress check was skipped")
            return
        }
        for command in ["export --output /dev/null", "reparse"] {
            let line = "\(CLI.binary.path) \(command) --workspace \(workspace.path)"
            let terminal = try CLI.output(of: "/usr/bin/script", ["-q", "-e", "-c", line, "/dev/null"]).stdout
            #expect(terminal.contains("\u{1B}[K" + command.prefix(6)), "\(command): \(terminal.debugDescription)")
        }
        var device = stat()
        #expect(stat("/dev/null", &device) == 0 && device.st_mode & S_IFMT == S_IFCHR, "export --output /dev/null replaced the device")
    }

    /// export --output into a pipe writes into it: a rename over it would put a plain file in its place
    /// (over /dev/null, as root).
    @Test func exportIntoAPipeWritesIntoThePipe() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let fifo = workspace.appendingPathComponent("digest.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try CLI.Server(["-c", "import os, sys; print('port 1', flush=True); data = open(sys.argv[1]).read(); open(sys.argv[1] + '.part', 'w').write(data); os.rename(sys.argv[1] + '.part', sys.argv[1] + '.read')", fifo])
        let result = try CLI.run(["export", "--output", fifo, "--workspace", workspace.path])
        #expect(result.status == 0, "\(result.stderr)")
        for _ in 0..<50 where !FileManager.default.fileExists(atPath: fifo + ".read") { usleep(100_000) }
        withExtendedLifetime(reader) {}
        let read = (try? String(contentsOfFile: fifo + ".read", encoding: .utf8)) ?? ""
        #expect(read.hasPrefix("# claimtrack digest"), "\(read.prefix(80))")
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
    }

    /// export --output over a file replaces it whole and leaves nothing beside it; an output it cannot write
    /// is one line naming it.
    @Test func exportReplacesItsOutputWhole() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let output = workspace.appendingPathComponent("digest.md")
        try Data("an older digest\n".utf8).write(to: output)
        let result = try CLI.run(["export", "--output", output.path, "--workspace", workspace.path])
        #expect(result.status == 0 && result.stdout.isEmpty, "\(result.stderr)")
        #expect(try String(contentsOf: output, encoding: .utf8) == CLI.run(["export", "--workspace", workspace.path]).stdout)
        let beside = try FileManager.default.contentsOfDirectory(atPath: workspace.path).filter { $0.contains("digest") }
        #expect(beside == ["digest.md"])

        let missing = workspace.appendingPathComponent("no/such/folder/digest.md").path
        let failed = try CLI.run(["export", "--output", missing, "--workspace", workspace.path])
        #expect(failed.status == 1 && failed.stderr.contains("error: \(missing): cannot write"), "\(failed.stderr)")
        #expect(failed.stderr.split(separator: "\n").count == 1)
    }

    /// export --since shows each question as the claims since that date have it: status, answer, spread and
    /// contradictions of what it shows, not of claims it leaves out.
    @Test func exportSinceResolvesWhatItShows() throws {
        let workspace = try CLI.marchSampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let all = try CLI.run(["export", "--question", "m5-ultra-launch", "--workspace", workspace.path]).stdout
        #expect(all.contains("- Status: **contested**") && all.contains("- Spread: 2026-06-01 – 2026-12-31") && all.contains("Contradiction:"))
        // Since 10 March only Tom's Hardware's autumn claim remains: one source, nothing to contradict it.
        let since = try CLI.run(["export", "--since", "2026-03-10", "--question", "m5-ultra-launch", "--workspace", workspace.path]).stdout
        #expect(since.contains("- Status: **evidence**") && since.contains("- Independent sources: 1"), "\(since)")
        #expect(!since.contains("Spread:") && !since.contains("Contradiction:") && !since.contains("June 2026"))
        let later = try CLI.run(["export", "--since", "2026-03-25", "--question", "m5-ultra-launch", "--workspace", workspace.path]).stdout
        #expect(later.contains("- Status: **open**") && later.contains("- Best current answer: none yet"))
    }
}
