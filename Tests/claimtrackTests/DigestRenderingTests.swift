import Foundation
import Testing

/// The HTML digest as a browser draws it: headless Chromium (Debian's `chromium`, which .ci/run installs)
/// renders the sample's digest in a frame 390 and 1200 CSS px wide, and the timeline's text must be at least
/// 11 px tall as drawn, with nothing wider than the page.
@Suite struct DigestRenderingTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(arguments: [390, 1200])
    func theTimelineIsLegibleAndNothingOverflows(width: Int) throws {
        guard let chromium = Self.chromium else {
            print("DigestRenderingTests: no chromium found; the rendering checks were skipped (apt-get install chromium)")
            return
        }
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let digest = try CLI.run(["export", "--format", "html", "--workspace", workspace.path]).stdout
        // The digest forbids scripts, so the measuring script runs in a page that holds it in a frame of the
        // width wanted (a headless window is never narrower than 500 px; a frame is).
        let escaped = digest.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let harness = """
            <!DOCTYPE html><html><head><title>pending</title></head><body style="margin:0">
            <iframe id="f" style="width:\(width)px;height:900px;border:0" srcdoc="\(escaped)"></iframe>
            <script>
            document.getElementById('f').addEventListener('load', () => {
              const frame = document.getElementById('f'), d = frame.contentDocument, w = frame.contentWindow;
              const sizes = [...d.querySelectorAll('svg.timeline text')].map(t => t.getScreenCTM().a * parseFloat(w.getComputedStyle(t).fontSize));
              document.title = JSON.stringify({smallest: Math.min(...sizes), texts: sizes.length,
                                               pageWidth: d.documentElement.scrollWidth, viewport: w.innerWidth});
            });
            </script></body></html>
            """
        let page = workspace.appendingPathComponent("harness.html")
        try Data(harness.utf8).write(to: page)
        let dom = try CLI.output(of: chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1300,1000",
                                                "--virtual-time-budget=5000", "--user-data-dir=\(workspace.appendingPathComponent("chromium").path)",
                                                "--dump-dom", page.absoluteString]).stdout
        let title = try #require(dom.firstMatch(of: /<title>(\{[^<]*\})<\/title>/)?.1, "\(dom.prefix(500))")
        let metrics = try #require(try JSONSerialization.jsonObject(with: Data(String(title).utf8)) as? [String: Double])
        #expect(metrics["texts"]! > 10)
        #expect(metrics["smallest"]! >= 11, "timeline text \(metrics["smallest"]!) px at \(width) px")
        #expect(metrics["pageWidth"]! <= metrics["viewport"]!, "the page is \(metrics["pageWidth"]!) px wide in a \(metrics["viewport"]!) px viewport")
    }

    /// A change claim's windows are drawn under its rows so the change shows: the 256GB upgrade's "$1,600
    /// before the change" ends where "$2,000 from now on" begins.
    @Test func aChangeShowsAsTwoWindowsMeeting() throws {
        let workspace = try CLI.sampleWorkspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        _ = try CLI.run(["fetch", "--offline", "--workspace", workspace.path])
        let html = try CLI.run(["export", "--format", "html", "--question", "mac-studio-256gb-price", "--workspace", workspace.path]).stdout
        let ends = html.matches(of: /x2="([\d.]+)"[^>]*><title>before the change<\/title>/).map { String($0.1) }
        let starts = html.matches(of: /x1="([\d.]+)"[^>]*><title>from now on<\/title>/).map { String($0.1) }
        #expect(!ends.isEmpty && !starts.isEmpty && !Set(ends).isDisjoint(with: starts), "ends \(ends), starts \(starts)")
    }
}
