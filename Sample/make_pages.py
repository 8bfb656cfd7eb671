#!/usr/bin/env python3
"""Writes the sample pages for the three sample runs (our own text, each site's markup).

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
    "base-price": dict(path="2026/03/27/mac-studio-base-price/", author="Hartley Charlton", slug="hartley-charlton",
        time="2026-03-27T09:00:00-07:00",
        title="Mac Studio Base Model Still Starts at $1,999",
        body=["According to Apple's website, the Mac Studio base model still costs $1,999 in the U.S.",
              "Only the memory upgrades have been repriced so far."]),
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
}
M5_LEAK_UPDATE = ["Update: the same code also references a 32-core CPU configuration, which matches earlier reports."]
# Run 3, in October: Apple announces the M5 Ultra and the first Geekbench result of a shipping machine appears.
ARTICLES_RUN3 = {
    "m5-ultra-announced": dict(path="2026/10/15/apple-announces-m5-ultra-mac-studio/", author="Joe Rossignol", slug="joe-rossignol",
        time="2026-10-15T06:00:00-07:00",
        title="Apple Announces M5 Ultra Mac Studio, Available October 22",
        body=["Apple today announced that the M5 Ultra will be available on October 22, 2026, in a refreshed Mac Studio.",
              "Pre-orders open today on Apple's online store."]),
}

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

# ---- the other four sources, each in its own site's markup ----

def ninetofive_article(a):
    url = a["url"]
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url + "#webpage", "name": a["seo_title"] + " - 9to5Mac", "datePublished": a["time_utc"]},
        {"@type": "NewsArticle", "@id": url + "#article", "headline": a["title"], "datePublished": a["time_utc"],
         "dateModified": a["time_utc"], "author": {"@id": "https://9to5mac.com/#/schema/person/" + a["slug"]}},
        {"@type": ["Person"], "@id": "https://9to5mac.com/#/schema/person/" + a["slug"], "name": a["author"]}]}
    paragraphs = "\n".join("<p>%s</p>" % html.escape(p, quote=False) for p in a["body"])
    return f"""<!DOCTYPE html>
<html lang="en-US"><head>
<meta charset="UTF-8">
<title>{html.escape(a["seo_title"])} - 9to5Mac</title>
<meta property="og:title" content="{html.escape(a["seo_title"])} - 9to5Mac">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="9to5Mac">
<meta property="article:published_time" content="{a["time_utc"]}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(graph)}</script>
<meta itemprop="datePublished" content="{a["time_local"]}">
</head><body>
<div class="container"><h1>Guides</h1></div>
<article class="post">
<h1 class="post-title" itemprop="headline"><a href="{url}" itemprop="mainEntityOfPage">{html.escape(a["title"])}</a></h1>
<p class="byline" itemprop="author" itemscope itemtype="https://schema.org/Person"><a href="https://9to5mac.com/author/{a["slug"]}/"><span itemprop="name">{a["author"]}</span></a></p>
<p class="time-twitter">- {a["visible"]}</p>
<div class="post-body" itemprop="articleBody">
{paragraphs}
</div></article>
<script type="text/x-tmpl-mustache"><h1 class="post-title"><a href="{{{{ permalink }}}}">{{{{{{ post_title }}}}}}</a></h1><meta itemprop="datePublished" content="{{{{post_date}}}}"/></script>
</body></html>
"""

def rss(title, self_url, items):
    entries = "\n".join(f"""<item><title>{html.escape(i["title"])}</title><link>{i["link"]}</link><dc:creator><![CDATA[{i["author"]}]]></dc:creator><pubDate>{i["rfc822"]}</pubDate><guid isPermaLink="false">{i["guid"]}</guid></item>""" for i in items)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>{html.escape(title)}</title>
<atom:link href="{self_url}" rel="self" type="application/rss+xml" />
{entries}
</channel></rss>
"""

NINETOFIVE = dict(url="https://9to5mac.com/2026/03/05/mac-studio-512gb-memory-gone/", author="Chance Miller", slug="chancehmiller",
    title="Apple confirms the 512GB Mac Studio is gone for now", seo_title="512GB Mac Studio no longer available",
    time_utc="2026-03-05T18:20:00+00:00", time_local="2026-03-05 10:20:00", visible="Mar. 5th 2026 10:20 am PT",
    body=["Apple confirmed to 9to5Mac that the 512GB unified memory configuration of the Mac Studio is no longer available to order.",
          "Mac Studio configurations now top out at 256GB of unified memory on Apple's online store."])

NINETOFIVE_GURMAN = dict(url="https://9to5mac.com/2026/09/28/m5-ultra-mac-studio-late-october/", author="Chance Miller", slug="chancehmiller",
    title="Gurman: M5 Ultra Mac Studio coming in late October", seo_title="M5 Ultra Mac Studio late October launch",
    time_utc="2026-09-28T15:30:00+00:00", time_local="2026-09-28 08:30:00", visible="Sep. 28th 2026 8:30 am PT",
    body=["Bloomberg's Mark Gurman reports that Apple plans to release the M5 Ultra in late October, inside a refreshed Mac Studio."])

NINETOFIVE_BASE = dict(url="https://9to5mac.com/2026/03/28/mac-studio-base-price-up/", author="Zac Hall", slug="zachall",
    title="Apple raises the Mac Studio's starting price", seo_title="Mac Studio starting price raised",
    time_utc="2026-03-28T16:00:00+00:00", time_local="2026-03-28 09:00:00", visible="Mar. 28th 2026 9:00 am PT",
    body=["Apple says the Mac Studio base model now costs $2,199, citing memory prices."])

def toms_article(a):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"] + " ", "datePublished": a["time"],
          "author": [{"@type": "Person", "name": a["author"]}], "url": a["us_url"]}
    paragraphs = "\n".join("<p>%s</p>" % html.escape(p, quote=False) for p in a["body"])
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>{html.escape(a["title"])} | Tom's Hardware</title>
<meta property="og:site_name" content="Tom's Hardware">
<meta property="og:url" content="{a["us_url"]}">
<meta property="article:author" content="https://www.facebook.com/tomshardware">
<meta name="pub_date" content="{a["time"].replace("Z", "+00:00")}">
<link rel="canonical" href="{a["url"]}">
<script type="application/ld+json">{json.dumps(ld)}</script>
</head><body>
<header><h1>{html.escape(a["title"])} </h1></header>
<div class="byline-social"><p class="byline">By <span class="no-wrap by-author"><a href="https://www.tomshardware.com/uk/author/{a["slug"]}" rel="author"><span>{a["author"]}</span></a></span> <time itemprop="datePublished" class="relative-date" datetime="{a["time"]}">{a["visible"]}</time></p></div>
<div id="article-body" class="text-copy bodyCopy auto">
{paragraphs}
</div></body></html>
"""

TOMS = dict(url="https://www.tomshardware.com/uk/desktops/mac-studio-m5-ultra-not-before-autumn", us_url="https://www.tomshardware.com/desktops/mac-studio-m5-ultra-not-before-autumn",
    author="Anton Reed", slug="anton-reed", time="2026-03-24T13:00:00Z", visible="24 March 2026",
    title="Mac Studio for AI work: fast memory, slow training, and no M5 Ultra before autumn",
    body=["In our tests the Mac Studio trains ResNet-50 about 3x slower than an RTX 4090, even though it can hold far larger models in memory.",
          "According to our supply chain sources, the M5 Ultra will launch not before the autumn, later than rumours of a June debut suggested.",
          "The 256GB upgrade for the Mac Studio now costs $2,000, up from $1,600 at the start of the year."])

def geekbench_result(r):
    rows = "".join(f'<tr><td class="name"> {n} <br> </td><td class="score"> {v} <br><span class="description">{d}</span></td><td class="graph"></td></tr>' for n, v, d in r["workloads"])
    return f"""<!DOCTYPE html>
<html><head><title>{r["model"]} - Geekbench</title></head><body class="rosedale">
<div class="container"><div class="page-header"><h1> {r["model"]} </h1></div>
<div class="platform-info"> {r["version"]} for macOS AArch64 </div>
<div class="score-container score-container-1 desktop"><div class="score">{r["single"]}</div><div class="note">Single-Core Score</div></div>
<div class="score-container desktop"><div class="score">{r["multi"]}</div><div class="note">Multi-Core Score</div></div>
<div class="table-wrapper"><table class="table system-table"><tbody>
<tr><td class="system-name">Upload Date</td><td class="system-value">{r["upload"]}</td></tr>
<tr><td class="system-name">Views</td><td class="system-value">41</td></tr></tbody></table></div>
<div class="table-wrapper"><table class="table system-table"><thead><tr><th class="rounded-top" colspan="2">System Information</th></tr></thead><tbody>
<tr><td class="system-name">Operating System</td><td class="system-value">{r["os"]}</td></tr>
<tr><td class="system-name">Model</td><td class="system-value">{r["model"]}</td></tr>
<tr><td class="name">Model ID</td><td class="value">{r["model_id"]}</td></tr></tbody></table></div>
<div class="table-wrapper"><table class="table system-table"><thead><tr><th class="rounded-top" colspan="2">CPU Information</th></tr></thead><tbody>
<tr><td class="system-name">Name</td><td class="system-value"><a href="https://browser.geekbench.com/processors/{r["cpu"].lower().replace(" ", "-")}">{r["cpu"]}</a></td></tr>
<tr><td class="system-name">Topology</td><td class="system-value">1 Processor, {r["cores"]} Cores</td></tr></tbody></table></div>
<div class="table-wrapper"><table class="table benchmark-table"><thead><tr class="stacked-heading"><th class="name"> Single-Core Score </th><th class="score"> {r["single"]} </th><th class="graph"></th></tr></thead><tbody>
{rows}
</tbody></table></div></div></body></html>
"""

GEEKBENCH = dict(model="MacBook Pro (16-inch, 2025)", model_id="Mac17,7", cpu="Apple M5 Max", cores=18, version="Geekbench 6.7.1",
    os="macOS 26.3 (Build 25D125)", single=4288, multi=29310, upload="March 20 2026 04:12 PM",
    workloads=[("File Compression", 3710, "532.8 MB/sec"), ("Navigation", 4640, "27.9 routes/sec")])

GEEKBENCH_ULTRA = dict(model="Mac Studio (2026)", model_id="Mac17,9", cpu="Apple M5 Ultra", cores=32, version="Geekbench 6.7.2",
    os="macOS 26.1 (Build 25B78)", single=4301, multi=44180, upload="October 24 2026 09:31 AM",
    workloads=[("File Compression", 3742, "537.4 MB/sec"), ("Navigation", 4655, "28.0 routes/sec")])

def hn_item(story, comments):
    def comment(c):
        return f"""<tr class="athing comtr" id="{c["id"]}"><td><table border="0"><tr><td class="ind" indent="{c["depth"]}"><img src="s.gif" height="1" width="{c["depth"] * 40}"></td><td valign="top" class="votelinks"></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead"><a href="user?id={c["by"]}" class="hnuser">{c["by"]}</a> <span class="age" title="{c["time"]} {c["unix"]}"><a href="item?id={c["id"]}">{c["ago"]}</a></span></span></div><br><div class="comment"><div class="commtext c00">{c["text"]}</div><div class="reply"><p><font size="1"><u><a href="reply?id={c["id"]}&amp;goto=item%3Fid%3D{story["id"]}">reply</a></u></font></div></div></td></tr></table></td></tr>"""
    return f"""<html lang="en" op="item"><head><meta name="referrer" content="origin"><link rel="canonical" href="https://news.ycombinator.com/item?id={story["id"]}"><title>{html.escape(story["title"])} | Hacker News</title></head><body><center><table id="hnmain" border="0" cellpadding="0" cellspacing="0" width="85%"><tr><td>
<table class="fatitem" border="0">
<tr class="athing submission" id="{story["id"]}"><td align="right" valign="top" class="title"><span class="rank"></span></td><td valign="top" class="votelinks"></td><td class="title"><span class="titleline"><a href="item?id={story["id"]}">{html.escape(story["title"])}</a></span></td></tr>
<tr><td colspan="2"></td><td class="subtext"><span class="subline"><span class="score" id="score_{story["id"]}">{story["points"]} points</span> by <a href="user?id={story["by"]}" class="hnuser">{story["by"]}</a> <span class="age" title="{story["time"]} {story["unix"]}"><a href="item?id={story["id"]}">{story["ago"]}</a></span> | <a href="item?id={story["id"]}">{len(comments)}&nbsp;comments</a></span></td></tr>
<tr><td colspan="2"></td><td><div class="toptext">{html.escape(story["text"])}</div></td></tr></table><br>
<table border="0" class="comment-tree">
{chr(10).join(comment(c) for c in comments)}
</table></td></tr></table></center></body></html>
"""

import calendar
from datetime import datetime as _dt
def unix(iso):
    return calendar.timegm(_dt.strptime(iso, "%Y-%m-%dT%H:%M:%S").timetuple())

HN_STORY = dict(id=47310001, title="Ask HN: Mac Studio for sustained rendering work?", by="render_ops", points=57,
    time="2026-03-04T16:02:11", ago="on Mar 4, 2026", text="We are thinking of replacing two workstations with Mac Studios. Experiences?")
HN_COMMENTS_1 = [
    dict(id=47310112, by="frame_budget", depth=0, time="2026-03-04T17:40:09", ago="on Mar 4, 2026",
         text="Our Mac Studio hits thermal throttling during sustained 8K renders after about twenty minutes."),
    dict(id=47310230, by="quiet_fan", depth=1, time="2026-03-04T18:05:51", ago="on Mar 4, 2026",
         text="Same with ours: the Mac Studio throttles on long exports, and there is no internal access for cleaning the dust out."),
]
HN_COMMENTS_2 = HN_COMMENTS_1 + [
    dict(id=47311874, by="colorist", depth=0, time="2026-03-12T09:14:30", ago="on Mar 12, 2026",
         text="Three of our Mac Studio units throttle during sustained 8K renders too; we added a desk fan."),
]
for c in HN_COMMENTS_2:
    c["unix"] = unix(c["time"])
HN_STORY["unix"] = unix(HN_STORY["time"])

def write_others(run, sources):
    base = os.path.join(ROOT, run)
    if "9to5mac" in sources:
        items = [dict(title=NINETOFIVE["title"], link="512gb-gone.html", author=NINETOFIVE["author"],
                      rfc822="Thu, 05 Mar 2026 18:20:00 +0000", guid="https://9to5mac.com/?p=1092001")]
        write(os.path.join(base, "9to5mac"), "512gb-gone.html", ninetofive_article(NINETOFIVE))
        if sources["9to5mac"] in ("with-base-price", "with-gurman"):
            write(os.path.join(base, "9to5mac"), "base-price-up.html", ninetofive_article(NINETOFIVE_BASE))
            items.insert(0, dict(title=NINETOFIVE_BASE["title"], link="base-price-up.html", author=NINETOFIVE_BASE["author"],
                                 rfc822="Sat, 28 Mar 2026 16:00:00 +0000", guid="https://9to5mac.com/?p=1093310"))
        if sources["9to5mac"] == "with-gurman":
            write(os.path.join(base, "9to5mac"), "late-october.html", ninetofive_article(NINETOFIVE_GURMAN))
            items.insert(0, dict(title=NINETOFIVE_GURMAN["title"], link="late-october.html", author=NINETOFIVE_GURMAN["author"],
                                 rfc822="Mon, 28 Sep 2026 15:30:00 +0000", guid="https://9to5mac.com/?p=1101742"))
        write(os.path.join(base, "9to5mac"), "feed.xml", rss("9to5Mac", "https://9to5mac.com/feed/", items))
    if "hackernews" in sources:
        write(os.path.join(base, "hackernews"), "item-47310001.html", hn_item(HN_STORY, sources["hackernews"]))
    if "tomshardware" in sources:
        write(os.path.join(base, "tomshardware"), "mac-studio-ai.html", toms_article(TOMS))
        write(os.path.join(base, "tomshardware"), "feed.xml", rss("Tom's Hardware", "https://www.tomshardware.com/feeds/all", [
            dict(title=TOMS["title"], link="mac-studio-ai.html", author=TOMS["author"],
                 rfc822="Tue, 24 Mar 2026 13:00:00 GMT", guid="https://www.tomshardware.com/desktops/mac-studio-m5-ultra-not-before-autumn")]))
    if "geekbench" in sources:
        write(os.path.join(base, "geekbench"), "v6-cpu-19120455.html", geekbench_result(GEEKBENCH))
        if sources["geekbench"] == "with-m5-ultra":
            write(os.path.join(base, "geekbench"), "v6-cpu-21480077.html", geekbench_result(GEEKBENCH_ULTRA))

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

write_others("run-1", {"9to5mac": True, "hackernews": HN_COMMENTS_1})
write_others("run-2", {"9to5mac": "with-base-price", "hackernews": HN_COMMENTS_2, "tomshardware": True, "geekbench": True})

run3 = os.path.join(ROOT, "run-3", "macrumors")
all3 = dict(all2)
all3.update(ARTICLES_RUN3)
for key, a in all3.items():
    write(run3, key + ".html", article_page(a))
write(run3, "index.html", listing_page(sorted(all3.items(), key=lambda kv: kv[1]["time"], reverse=True)))
write_others("run-3", {"9to5mac": "with-gurman", "hackernews": HN_COMMENTS_2, "tomshardware": True, "geekbench": "with-m5-ultra"})
