#!/usr/bin/env python3
"""Writes the sample MacRumors-structured pages for the two sample runs (our own text, the site's markup).

Run from the repository root: python3 Sample/make_pages.py; then Sample/build-archive.sh rebuilds Archive/.
"""
import html, json, os

ROOT = os.path.dirname(os.path.abspath(__file__))

def eastern_as_z(iso_offset):
    # MacRumors' JSON-LD writes US Eastern wall-clock time with a 'Z'; reproduce that defect faithfully.
    from datetime import datetime, timedelta, timezone
    t = datetime.fromisoformat(iso_offset).astimezone(timezone.utc)
    eastern = t - timedelta(hours=4 if 3 <= t.month <= 10 and not (t.month == 3 and t.day < 8) else 5)
    return eastern.strftime("%Y-%m-%dT%H:%M:%SZ")

def visible(iso_offset):
    from datetime import datetime
    t = datetime.fromisoformat(iso_offset)
    zone = "PDT" if t.utcoffset().total_seconds() == -7 * 3600 else "PST"
    return t.strftime("%A %B %-d, %Y %-I:%M ") + ("am" if t.hour < 12 else "pm") + " " + zone

ARTICLES = {
    "512gb-pulled": dict(path="2026/03/04/mac-studio-512gb-pulled/", author="Juli Clover", slug="juli-clover",
        time="2026-03-04T09:12:00-08:00",
        title="Apple Pulls 512GB Mac Studio Configuration Amid DRAM Shortage",
        body=["Apple has pulled the 512GB unified memory configuration of the Mac Studio from its online store because of the ongoing DRAM shortage.",
              "Mac Studio orders are now capped at 256GB of unified memory, according to Apple's website. Customers who ordered the 512GB model before the change will still receive their machines.",
              "Memory makers have been shifting capacity to high-bandwidth memory for AI servers since late 2025, which has squeezed supply of the LPDDR5X packages Apple uses."]),
    "m5-ultra-leak": dict(path="2026/03/05/m5-ultra-geekbench-leak/", author="Joe Rossignol", slug="joe-rossignol",
        time="2026-03-05T06:40:00-08:00",
        title="Leaked Benchmarks Suggest M5 Ultra Is Roughly Twice as Fast as M2 Ultra",
        body=["Code found in the macOS 26.3 developer beta includes leaked Geekbench results for an unreleased Mac with the M5 Ultra chip.",
              "The M5 Ultra scored about 45,000 in the Geekbench 6 multi-core test and 415,000 in Metal, roughly double the M2 Ultra.",
              "Apple has not commented on the results, and it is unclear if the chip will first appear in the Mac Studio or the Mac Pro."]),
    "june-launch": dict(path="2026/03/02/m5-ultra-mac-studio-june/", author="Tim Hardwick", slug="tim-hardwick",
        time="2026-03-02T03:05:00-08:00",
        title="M5 Ultra Mac Studio Rumored to Launch in June",
        body=["Rumors point toward a June 2026 launch for the M5 Ultra, which would debut in a refreshed Mac Studio around WWDC.",
              "We don't know yet if Apple will release a rack-mount Studio Server alongside it, an idea that has circulated among developers who run local AI models.",
              "The exact launch window is also missing from the supply chain reports seen so far."]),
}
ARTICLES_RUN2 = {
    "mac-pro-discontinued": dict(path="2026/03/26/apple-discontinues-mac-pro/", author="Juli Clover", slug="juli-clover",
        time="2026-03-26T10:30:00-07:00",
        title="Apple Discontinues the Mac Pro",
        body=["Apple officially discontinued the Mac Pro on March 26, 2026, removing it from its online store.",
              "That leaves the Mac Studio as Apple's only high-performance desktop workstation. The Mac Pro had not been updated since it gained the M2 Ultra chip in 2023."]),
    "256gb-price": dict(path="2026/03/20/mac-studio-256gb-upgrade-price/", author="Hartley Charlton", slug="hartley-charlton",
        time="2026-03-20T08:15:00-07:00",
        title="Apple Raises Price of Mac Studio's 256GB Memory Upgrade to $2,000",
        body=["The price of the 256GB memory upgrade for the Mac Studio jumped from $1,600 to $2,000 in March 2026.",
              "Apple now charges $2,000 for the Mac Studio's 256GB upgrade on its online store, citing higher component costs."]),
    "not-before-fall": dict(path="2026/03/25/m5-ultra-not-before-fall/", author="Tim Hardwick", slug="tim-hardwick",
        time="2026-03-25T05:50:00-07:00",
        title="Analyst: M5 Ultra Hardware Not Coming Before the Fall",
        body=["According to a supply chain analyst, the M5 Ultra will launch not before the autumn, later than earlier reports suggested.",
              "The analyst said Apple is prioritizing memory supply for its existing Mac Studio configurations."]),
}
M5_LEAK_UPDATE = ["Developers who benchmarked the current Mac Studio report that it trains ResNet-50 about 3x slower than an RTX 4090."]

def article_page(a):
    url = "https://www.macrumors.com/" + a["path"]
    ld = {"@context": "https://schema.org/", "@type": "NewsArticle", "inLanguage": "en-US",
          "mainEntityOfPage": {"@type": "WebPage", "@id": url}, "headline": a["title"],
          "datePublished": eastern_as_z(a["time"]), "dateModified": eastern_as_z(a["time"]),
          "author": {"@type": "Person", "name": a["author"]},
          "publisher": {"@type": "Organization", "name": "MacRumors.com"}, "articleBody": ""}
    paragraphs = "\n".join("<p>%s</p>" % html.escape(p, quote=False) for p in a["body"])
    return f"""<!DOCTYPE html>
<html lang="en-US"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{html.escape(a["title"])} - MacRumors</title>
<meta property="og:site_name" content="MacRumors">
<meta property="og:title" content="{html.escape(a["title"])}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">
{json.dumps(ld, indent=4)}
</script>
</head><body>
<div id="root"><div class="app--3i5sKyzL"><div class="main--2f4xEwpL">
<article class="article--2pJwZBkO js-article" expanded="true"><div class="titlebar--3N4MCKxL"><h1 class="heading--1cooZo6n heading--h4--3n5gZUlc heading--white--2vAPsAl1 heading--noMargin--mnRHPAnD">{html.escape(a["title"])}</h1></div><div class="byline--3Eec5bcq"><time datetime="{a["time"]}">{visible(a["time"])}</time> by <a href="https://www.macrumors.com/author/{a["slug"]}/" rel="author" class="authorLink--3Zlx7Owv">{a["author"]}</a></div><div class="content--2u3grYDr js-content"><div class="ugc--2nTu61bm minor--3O_9dH4U" data-io-article-url="/{a["path"]}">
{paragraphs}
<div id="AdThrive_Content_1_desktop" class="adthrive-ad adthrive-content"></div>
</div></div></article>
</div></div></div>
<svg><title>Podcast</title></svg>
</body></html>
"""

def listing_page(items):
    entries = []
    for key, a in items:
        url = "https://www.macrumors.com/" + a["path"]
        entries.append(f"""<article class="article--2pJwZBkO js-article front--3uTQDaAu f_front" expanded="false"><div class="titlebar--3N4MCKxL"><h2 class="heading--1cooZo6n heading--h4--3n5gZUlc"><a href="{key}.html">{html.escape(a["title"])}</a></h2></div><div class="byline--3Eec5bcq"><time datetime="{a["time"]}">{visible(a["time"])}</time> by <a href="https://www.macrumors.com/author/{a["slug"]}/" rel="author" class="authorLink--3Zlx7Owv">{a["author"]}</a></div><div class="content--2u3grYDr js-content"><div class="ugc--2nTu61bm minor--3O_9dH4U" data-io-article-url="{url}"><p>{html.escape(a["body"][0], quote=False)}</p></div></div></article>""")
    return f"""<!DOCTYPE html>
<html lang="en-US"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>MacRumors: Apple News and Rumors</title>
<meta property="og:title" content="MacRumors: Apple News and Rumors">
<meta property="og:url" content="https://www.macrumors.com/">
<link rel="canonical" href="https://www.macrumors.com/">
</head><body><div id="root"><div class="main--2f4xEwpL">
{chr(10).join(entries)}
</div></div></body></html>
"""

def write(folder, name, text):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w") as f:
        f.write(text)

run1 = os.path.join(ROOT, "run-1", "macrumors")
for key, a in ARTICLES.items():
    write(run1, key + ".html", article_page(a))
write(run1, "index.html", listing_page(sorted(ARTICLES.items(), key=lambda kv: kv[1]["time"], reverse=True)))

run2 = os.path.join(ROOT, "run-2", "macrumors")
all2 = dict(ARTICLES)
all2["m5-ultra-leak"] = dict(ARTICLES["m5-ultra-leak"], body=ARTICLES["m5-ultra-leak"]["body"] + M5_LEAK_UPDATE)
all2.update(ARTICLES_RUN2)
for key, a in all2.items():
    write(run2, key + ".html", article_page(a))
write(run2, "index.html", listing_page(sorted(all2.items(), key=lambda kv: kv[1]["time"], reverse=True)))
