"""The built site: no page without charts holds more than 1,500 words of body text (a
source's own page, the article in full, excepted), and no quote is printed in full on
more than one page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from shuttle.site.pages.env import WHOLE_WORDS

MAX_WORDS = 1_500
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)
OWN_PAGE = re.compile(r"sources/(?!page-\d+/)[^/]+/index\.html")


def body_text(html: str) -> str:
    match = ARTICLE.search(html)
    body = match.group(1) if match else ""
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", body))


def pages(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(site.rglob("index.html"))
    }


def test_no_page_without_charts_is_longer_than_1500_words(built_site: Path) -> None:
    long = {}
    for rel, html in pages(built_site / "build" / "site").items():
        if OWN_PAGE.fullmatch(rel) or "shuttle-chart" in html:
            continue
        words = len(body_text(html).split())
        if words > MAX_WORDS:
            long[rel] = words
    assert long == {}


def test_each_quote_is_in_full_on_one_page_only(built_site: Path) -> None:
    site = pages(built_site / "build" / "site")
    texts = {rel: " ".join(body_text(html).split()) for rel, html in site.items()}
    quotes = set()
    for html in site.values():
        for block in re.findall(r'<figure class="shuttle-quote.*?</figure>', html, re.S):
            said = re.search(r"<blockquote>\s*<p>(.*?)</p>", block, re.S)
            if said and "<mark" not in said.group(1):  # full quotes (fragments: in a sentence)
                quotes.add(" ".join(unescape(re.sub(r"<[^>]+>", "", said.group(1))).split()))
    assert quotes, "no quotes found"
    for quote in quotes:
        if len(quote.split()) <= WHOLE_WORDS:
            continue
        where = [
            rel for rel, text in texts.items()
            if quote in text and not OWN_PAGE.fullmatch(rel)
        ]  # fmt: skip
        assert len(where) == 1, (quote, where)
