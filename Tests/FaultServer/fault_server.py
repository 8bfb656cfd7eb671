#!/usr/bin/env python3
"""A misbehaving web site on 127.0.0.1 for claimtrack's fetch tests. Prints 'port N' and serves until killed.

Routes: robots.txt disallowing /private; a MacRumors-shaped listing linking to an article, a page that fails
once with 503 + Retry-After: 1, a page throttled with 429 + Retry-After: 3600, a page that always fails with
500, a disallowed page, a Cloudflare-style challenge, a missing page, a redirect to file:///etc/passwd and a
redirect loop, an image, a response that stalls for 8 s, a connection reset with no response, a page in
Latin-1 with no charset, and an ETag on /a.html; /agents lists the User-Agents /a.html saw.
Size and coding faults (fetched on their own, not from the listing): /huge.html announces and streams 2 GiB,
/bomb.html is 512 MiB of zeros gzip-coded into half a megabyte, /gzip.html, /deflate.html (zlib-wrapped) and
/raw-deflate.html (no zlib header) are articles coded as their names say, /unasked-br.html claims a br coding
the client never asked for, /drip.html sends a byte every half second for a minute (never a stall, always too
long). /retry-inf.html and /retry-huge.html answer 429 and 503 with Retry-After values no clock can wait for.
/wire/... serves an article and keeps the request head exactly as its bytes arrived; /wire-log?/wire/...
returns them (the last request for that path); /connections says how many connections the other requests came
on. Hostile names: /hostile/index.html links to paths that climb out of any folder, and /hostile/headers.html
names a file outside the workspace in Content-Disposition. /hostile/feed.xml is a feed whose items lead to
local files (file:///etc/passwd, and the file named by local=PATH), internal hosts and the metadata address;
/redirect-internal.html redirects to another loopback host, /redirect-disallowed.html to a disallowed path.
/team/N.html is an article served after 0.3 s, the first ones once two have been asked for (sources two fetchers share
out); /count?PATH says how often PATH was asked for.
/same.html?ANY serves one article under every query. /spoof/listing.html links to five pages of this host stating one claim, a page whose canonical URL is a
MacRumors one, and a page whose canonical URL carries line breaks and markup.

Arguments: keepalive makes the server speak HTTP/1.1 and keep connections open; robots=MODE changes how
robots.txt answers: robots=503 (a server error), robots=404 (none), robots=reset (the connection dropped),
robots=redirect-N (N redirects before the usual file), robots=crawl-delay-V (Crawl-delay V); local=PATH names a
local file the hostile feed links to.
"""
import http.server, socket, sys, threading, time, zlib

ARTICLE = """<html><head><link rel="canonical" href="/2026/03/10/{slug}/"></head><body>
<article class="article--2pJwZBkO js-article"><h1>{title}</h1>
<div class="byline--3Eec5bcq"><time datetime="2026-03-10T10:00:00-07:00">x</time> by <a rel="author">Fault Writer</a></div>
<div class="content--2u3grYDr"><p>{text}</p></div></article></body></html>"""

LISTING = """<html><head><title>MacRumors: Apple News and Rumors</title></head><body>
""" + "".join('<article class="article--2pJwZBkO js-article"><h2><a href="{0}">x</a></h2></article>\n'.format(path) for path in [
    "/a.html", "/flaky.html", "/throttled.html", "/broken.html", "/private/secret.html", "/challenge.html", "/missing.html",
    "/to-file.html", "/loop-a.html", "/image.png", "/stalled.html", "/reset.html", "/latin1.html"]) + "</body></html>"

CHALLENGE = """<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>
<div id="challenge-platform"><noscript>Enable JavaScript and cookies to continue</noscript></div></body></html>"""

bomb = []


def gzip_bomb():
    """512 MiB of zeros as one gzip stream (about 0.5 MB), made once."""
    with lock:
        if not bomb:
            coder = zlib.compressobj(9, zlib.DEFLATED, 31)
            zeros = bytes(1 << 20)
            bomb.append(b"".join(coder.compress(zeros) for _ in range(512)) + coder.flush())
        return bomb[0]


counts = {}
connections = set()
agents = []
wire = {}
lock = threading.Lock()
# The /team/ sources asked for so far, and the condition their first requests wait on.
team_asked = set()
team_started = threading.Condition()


class RecordingReader:
    """The connection's reader, keeping every line the request head was read with, byte for byte."""

    def __init__(self, inner):
        self.inner = inner
        self.head = b""

    def readline(self, *args):
        line = self.inner.readline(*args)
        self.head += line
        return line

    def read(self, *args):
        return self.inner.read(*args)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        self.rfile = RecordingReader(self.rfile)

    def handle_one_request(self):
        self.rfile.head = b""
        super().handle_one_request()

    def send(self, status, body, headers=()):
        data = body.encode()
        self.send_response(status)
        if not any(name.lower() == "content-type" for name, _ in headers):
            self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/connections":
            with lock:
                count = len(connections)
            return self.send(200, str(count))
        with lock:
            counts[self.path] = counts.get(self.path, 0) + 1
            seen = counts[self.path]
            connections.add(self.client_address)
        if self.path.startswith("/count?"):
            with lock:
                return self.send(200, str(counts.get(self.path[len("/count?"):], 0)))
        if self.path.startswith("/team/") and self.path.endswith(".html"):
            # One of several sources two fetchers share out: the first ones wait (up to 20 s) until two sources
            # have been asked for, so that both fetchers hold one however late the second starts on a busy
            # machine; then each is slow enough that their runs overlap.
            with team_started:
                team_asked.add(self.path)
                team_started.notify_all()
                team_started.wait_for(lambda: len(team_asked) >= 2, timeout=20)
            time.sleep(0.3)
            number = self.path[len("/team/"):-len(".html")]
            return self.send(200, ARTICLE.format(slug="team-" + number, title="Team " + number,
                                                 text="The Mac Studio now costs $2,299 according to Apple's website."))
        if self.path.startswith("/wire/"):
            with lock:
                wire[self.path.split("?")[0]] = self.rfile.head
            if self.headers.get("If-None-Match") == '"w1"':
                self.send_response(304)
                self.send_header("ETag", '"w1"')
                self.end_headers()
                return
            return self.send(200, ARTICLE.format(slug="fault-wire", title="Wire", text="Apple now charges $2,599 for the Mac Studio, according to its website."),
                             [("ETag", '"w1"')])
        if self.path.startswith("/wire-log?"):
            with lock:
                data = wire.get(self.path.split("?", 1)[1], b"")
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.path == "/robots.txt" or self.path.startswith("/robots-hop/"):
            hop = int(self.path.rsplit("/", 1)[1]) if self.path.startswith("/robots-hop/") else 0
            if ROBOTS == "503":
                return self.send(503, "down for maintenance")
            if ROBOTS == "404":
                return self.send(404, "not found")
            if ROBOTS == "reset":
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.connection.close()
                return
            if ROBOTS.startswith("redirect-") and hop < int(ROBOTS[len("redirect-"):]):
                return self.send(301, "", [("Location", "/robots-hop/%d" % (hop + 1))])
            if ROBOTS.startswith("crawl-delay-"):
                return self.send(200, "User-agent: *\nCrawl-delay: %s\n" % ROBOTS[len("crawl-delay-"):])
            return self.send(200, "User-agent: *\nDisallow: /private\n")
        if self.path == "/drip.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", "120")
            self.end_headers()
            try:
                for _ in range(120):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.5)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/retry-inf.html":
            return self.send(429, "slow down", [("Retry-After", "inf")])
        if self.path == "/retry-huge.html":
            return self.send(503, "busy", [("Retry-After", "1e400")])
        if self.path == "/agents":
            return self.send(200, "\n".join(agents))
        if self.path == "/index.html":
            return self.send(200, LISTING)
        if self.path == "/stalled.html":
            time.sleep(8)  # longer than the test's --timeout
            return self.send(200, "too late")
        if self.path == "/reset.html":
            # Close the connection abruptly, with no response at all.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            return
        if self.path == "/latin1.html":
            # Invalid UTF-8 (Latin-1 bytes) with no charset declared anywhere.
            data = ARTICLE.format(slug="fault-latin1", title="Caf\u00e9", text="The Mac Studio now costs $2,399 in the caf\u00e9 shop, according to Apple's website.").encode("latin-1")
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.path == "/hostile/index.html":
            links = ["../../../../../tmp/claimtrack-escape.html", "/hostile/%2e%2e/%2e%2e/claimtrack-escape.html",
                     "/hostile/..%2f..%2fclaimtrack-escape.html", "file:///tmp/claimtrack-escape.html", "/hostile/headers.html"]
            return self.send(200, "<html><body>" + "".join(
                '<article class="article--2pJwZBkO js-article"><h2><a href="{0}">x</a></h2></article>'.format(link) for link in links)
                + "</body></html>")
        if self.path == "/hostile/feed.xml":
            # A feed whose items lead where a page from the web may not: local files, other internal hosts,
            # a cloud metadata address, and redirects to an internal host and to a path robots.txt disallows.
            port = self.server.server_address[1]
            links = ["file:///etc/passwd"] + (["file://" + LOCAL] if LOCAL else []) + [
                "http://169.254.169.254/latest/meta-data/", "http://[::1]:%d/a.html" % port, "http://127.0.0.2:%d/a.html" % port,
                "http://127.0.0.1:%d/redirect-internal.html" % port, "http://127.0.0.1:%d/redirect-disallowed.html" % port,
                "http://127.0.0.1:%d/a.html" % port]
            items = "".join("<item><title>Item %d</title><link>%s</link><pubDate>Tue, 10 Mar 2026 10:00:00 GMT</pubDate></item>" % (i, link)
                            for i, link in enumerate(links))
            return self.send(200, '<?xml version="1.0"?><rss version="2.0"><channel><title>MacRumors</title>' + items + "</channel></rss>",
                             [("Content-Type", "application/rss+xml")])
        if self.path.startswith("/same.html?"):
            # One article under as many URLs as there are queries: a Sources.list of thousands of lines on one host.
            page = ARTICLE.format(slug="x", title="Same", text="Apple will ship the M5 Ultra in June 2027, according to people familiar with the plans.")
            return self.send(200, page.replace('<link rel="canonical" href="/2026/03/10/x/">', ""))
        if self.path == "/spoof/listing.html":
            links = ["/spoof/%d.html" % n for n in range(1, 6)] + ["/spoof/canonical.html", "/spoof/newline.html"]
            return self.send(200, "<html><body>" + "".join(
                '<article class="article--2pJwZBkO js-article"><h2><a href="{0}">x</a></h2></article>'.format(link) for link in links)
                + "</body></html>")
        if self.path.startswith("/spoof/") and self.path[len("/spoof/"):-len(".html")].isdigit():
            # Five pages of one site saying the same thing: one publisher, however many URLs.
            n = self.path[len("/spoof/"):-len(".html")]
            return self.send(200, ARTICLE.format(slug="spoof-" + n, title="Same story " + n,
                                                 text="Apple will ship the M5 Ultra in June 2027, according to people familiar with the plans."))
        if self.path == "/spoof/canonical.html":
            # A page on this host naming a MacRumors URL as its canonical one.
            page = ARTICLE.format(slug="x", title="Spoofed", text="Apple will ship the M5 Ultra in June 2027, according to people familiar with the plans.")
            return self.send(200, page.replace('href="/2026/03/10/x/"', 'href="https://www.macrumors.com/2026/03/10/spoofed/"'))
        if self.path == "/spoof/newline.html":
            # A canonical URL carrying line breaks, markup and a link, as character references.
            page = ARTICLE.format(slug="x", title="Injected", text="Apple will ship the M5 Ultra in June 2027, according to people familiar with the plans.")
            return self.send(200, page.replace('href="/2026/03/10/x/"', 'href="/2026/03/10/injected&#10;&#10;<img src=x onerror=alert(1)>&#10;[click here](https://evil.example/phish)&#10;"'))
        if self.path == "/redirect-internal.html":
            return self.send(302, "moved", [("Location", "http://127.0.0.2:%d/a.html" % self.server.server_address[1])])
        if self.path == "/redirect-disallowed.html":
            return self.send(301, "moved", [("Location", "/private/secret.html")])
        if self.path == "/hostile/headers.html":
            return self.send(200, ARTICLE.format(slug="fault-headers", title="Headers", text="Apple now charges $2,199 for the Mac Studio, according to its website."),
                             [("Content-Disposition", 'attachment; filename="../../../../claimtrack-escape.txt"'),
                              ("Content-Location", "file:///tmp/claimtrack-escape.txt"), ("X-Archive-Path", "../../escape.warc.gz")])
        if self.path == "/huge.html":
            # 2 GiB announced and streamed until the client hangs up.
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(2 << 30))
            self.end_headers()
            chunk = b"<p>" + b"x" * (1 << 16) + b"</p>\n"
            sent = 0
            try:
                while sent < (2 << 30):
                    piece = chunk[: (2 << 30) - sent]
                    self.wfile.write(piece)
                    sent += len(piece)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path == "/bomb.html":
            data = gzip_bomb()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            try:
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if self.path in ("/gzip.html", "/deflate.html", "/raw-deflate.html", "/unasked-br.html"):
            slug = self.path[1:-5]
            page = ARTICLE.format(slug="fault-" + slug, title=slug, text="Apple now charges $2,099 for the Mac Studio, according to its website.").encode()
            if slug == "gzip":
                coder = zlib.compressobj(9, zlib.DEFLATED, 31)
                data, coding = coder.compress(page) + coder.flush(), "gzip"
            elif slug == "deflate":
                data, coding = zlib.compress(page), "deflate"
            elif slug == "raw-deflate":
                coder = zlib.compressobj(9, zlib.DEFLATED, -15)
                data, coding = coder.compress(page) + coder.flush(), "deflate"
            else:
                # Not brotli at all: the client did not ask for br, so it must neither decode nor read it.
                data, coding = b"\x8b\x05\x80" + page + b"\x03", "br"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", coding)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        if self.path == "/image.png":
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", "8")
            self.end_headers()
            self.wfile.write(b"\x89PNG\r\n\x1a\n")
            return
        if self.path == "/a.html":
            if self.headers.get("If-None-Match") == '"a1"':
                self.send_response(304)
                self.send_header("ETag", '"a1"')
                self.end_headers()
                return
            with lock:
                agents.append(self.headers.get("User-Agent", ""))
            return self.send(200, ARTICLE.format(slug="fault-a", title="Fault A", text="The Mac Studio now costs $2,299 according to Apple's website."),
                             [("ETag", '"a1"')])
        if self.path == "/flaky.html":
            if seen == 1:
                return self.send(503, "busy", [("Retry-After", "1")])
            return self.send(200, ARTICLE.format(slug="fault-flaky", title="Flaky", text="Rumors point to a June 2026 launch for the M5 Ultra."))
        if self.path == "/throttled.html":
            return self.send(429, "slow down", [("Retry-After", "3600")])
        if self.path == "/broken.html":
            return self.send(500, "broken")
        if self.path == "/to-file.html":
            return self.send(302, "", [("Location", "file:///etc/passwd")])
        if self.path == "/loop-a.html":
            return self.send(302, "", [("Location", "/loop-b.html")])
        if self.path == "/loop-b.html":
            return self.send(302, "", [("Location", "/loop-a.html")])
        if self.path == "/challenge.html":
            return self.send(403, CHALLENGE)
        return self.send(404, "not found")


ROBOTS = next((arg[len("robots="):] for arg in sys.argv[1:] if arg.startswith("robots=")), "")
LOCAL = next((arg[len("local="):] for arg in sys.argv[1:] if arg.startswith("local=")), "")
if "keepalive" in sys.argv[1:]:
    Handler.protocol_version = "HTTP/1.1"
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("port", server.server_address[1], flush=True)
server.serve_forever()
