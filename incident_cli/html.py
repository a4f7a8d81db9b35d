"""Reduce a news web page to its article text with the stdlib parser (no heavy imports).

Scripts, menus, footers, share bars and comment threads are dropped while parsing; the
article body is then chosen (``<article>``, ``itemprop=articleBody``, or the element holding
most paragraph text, readability-style) and rendered as lines, paragraphs separated by blank
lines, so the text pipeline sees what a reader would.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import unescape  # the stdlib module: absolute import

# Elements whose whole subtree is never article text.
DROP_TAGS = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg",
    "figcaption", "iframe", "button", "select", "textarea", "template", "canvas", "object",
    "embed", "video", "audio", "map", "math", "dialog", "menu",
})
# Containers that are never dropped for a class/id, however the site names them.
KEEP_TAGS = frozenset({"html", "body", "main", "article"})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen",
})
# Rendered with a blank line around them (paragraphs).
PARAGRAPH_TAGS = frozenset({
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "dl",
    "figure", "hr",
})
# Rendered with a line break around them.
BLOCK_TAGS = frozenset({
    "div", "section", "article", "main", "li", "dt", "dd", "tr", "br", "address", "center",
    "details", "summary", "caption", "body", "html", "fieldset", "hgroup",
    "picture", "label",
})
# A new one of these closes an open <p> (HTML's implied end tags).
_CLOSES_P = PARAGRAPH_TAGS | frozenset({"div", "section", "article", "main", "address"})
_SELF_NESTING = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})

# class/id words that mark page furniture: "site-nav", "share_bar", "comments", "ad-slot".
_FURNITURE = frozenset({
    "nav", "navbar", "navigation", "menu", "footer", "comment", "comments", "share",
    "sharing", "social", "related", "sidebar", "advert", "advertisement", "ad", "ads",
    "adslot", "advertising", "cookie", "cookies", "consent", "newsletter", "promo",
    "breadcrumb", "breadcrumbs", "popup", "modal", "subscribe", "subscription", "paywall",
    "masthead", "skip", "toolbar", "recommended", "trending", "outbrain", "taboola",
})
# "has-sidebar", "with-comments", "no-ads": modifiers describing a container, not furniture.
_MODIFIER = frozenset({"has", "with", "no", "show", "hide", "without", "is", "enable", "disable"})
_SPLIT_WORDS = re.compile(r"[-_\s]+|(?<=[a-z])(?=[A-Z])")
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_TITLE_SPLIT = re.compile(r"\s+[|\-–—:·•]\s+")

_PUBLISHED_META = frozenset({
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
})
_TITLE_META = ("og:title", "twitter:title")
_MAX_DEPTH = 400  # deeper nesting is flattened into the current element
_SHORT_TEXT = 300  # below this, check the page without class-based dropping


@dataclass
class HtmlText:
    """The reduced page: article text plus what the page says about itself."""

    text: str
    title: str | None = None
    published: dt.date | None = None


class _Node:
    __slots__ = ("tag", "children", "parent", "in_article", "depth", "length")

    def __init__(self, tag: str, parent: _Node | None) -> None:
        self.tag = tag
        self.children: list[_Node | str] = []
        self.parent = parent
        self.depth = 0 if parent is None else parent.depth + 1
        self.length = 0  # characters of text in the subtree, set by _measure
        self.in_article = tag in ("article", "main") or (parent is not None and parent.in_article)


def is_furniture(attrs: dict[str, str]) -> bool:
    """True when an element's class or id names page furniture (menus, ads, comments...)."""
    for key in ("class", "id", "role"):
        value = attrs.get(key)
        if not value:
            continue
        if key == "role" and value.strip().lower() in {"navigation", "banner", "contentinfo",
                                                       "complementary", "search", "dialog"}:
            return True
        for token in value.split():
            words = [w.lower() for w in _SPLIT_WORDS.split(token) if w]
            if not words or words[0] in _MODIFIER:
                continue
            if any(w in _FURNITURE for w in words):
                return True
    return False


def parse_date(value: str | None) -> dt.date | None:
    """The date of an ISO timestamp ("2023-02-17T10:00:00Z" -> 2023-02-17), else None."""
    from .inputs import parse_iso_date  # inputs imports this module lazily

    return parse_iso_date(value) if value else None


class _Reducer:
    """Builds a small tree of the kept elements and collects title/date hints."""

    def __init__(self, drop_furniture: bool = True) -> None:
        self.drop_furniture = drop_furniture
        self.root = _Node("#root", None)
        self.current = self.root
        self.depth = 0
        self.skip_tag: str | None = None  # tag of the dropped subtree we are inside
        self.skip_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta_title: str | None = None
        self.h1_parts: list[str] | None = None
        self.h1: str | None = None  # first <h1> inside <article>/<main>
        self.any_h1: str | None = None
        self.h1_in_article = False
        self.meta_date: dt.date | None = None
        self.time_date: dt.date | None = None
        self.ld_date: dt.date | None = None
        self.in_ld_json = False
        self.articles: list[_Node] = []
        self.article_bodies: list[_Node] = []

    # -- tree building -------------------------------------------------------------------
    def _close(self, tag: str) -> None:
        node: _Node | None = self.current
        while node is not None and node is not self.root:
            if node.tag == tag:
                self.current = node.parent or self.root
                self.depth = self.current.depth
                return
            node = node.parent

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if self.skip_tag is not None:
            if tag == self.skip_tag and tag not in VOID_TAGS:
                self.skip_depth += 1
            if tag == "script" and "ld+json" in a.get("type", ""):
                self.in_ld_json = True
            if self.skip_tag == "header":  # an article <header>: headline and dateline
                if tag == "h1":
                    self._start_h1()
                if tag == "time" and self.time_date is None:
                    self.time_date = parse_date(a.get("datetime"))
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "time" and self.time_date is None:
            self.time_date = parse_date(a.get("datetime"))
        if a.get("itemprop") == "datePublished" and self.meta_date is None:
            self.meta_date = parse_date(a.get("content") or a.get("datetime"))
        if tag == "h1":
            self._start_h1()
        if tag in VOID_TAGS:
            if tag in ("br", "hr"):
                self.current.children.append(_Node(tag, self.current))
            return
        dropped = tag in DROP_TAGS or (
            self.drop_furniture and tag not in KEEP_TAGS and is_furniture(a)
        )
        if dropped:
            if tag == "script" and "ld+json" in a.get("type", ""):
                self.in_ld_json = True
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in _CLOSES_P and self.current.tag == "p":
            self._close("p")
        if tag in _SELF_NESTING and self.current.tag == tag:
            self._close(tag)
        if self.depth >= _MAX_DEPTH:
            return
        node = _Node(tag, self.current)
        self.current.children.append(node)
        self.current = node
        self.depth += 1
        if tag == "article":
            self.articles.append(node)
        if a.get("itemprop") == "articleBody":
            self.article_bodies.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_TAGS and self.skip_tag is None and self.current.tag == tag:
            self._close(tag)
        elif self.skip_tag == tag and tag not in VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_ld_json = False
        if tag == "h1" and self.h1_parts is not None:
            text = _WS.sub(" ", "".join(self.h1_parts)).strip()
            self.h1_parts = None
            if text and self.any_h1 is None:
                self.any_h1 = text
            if text and self.h1 is None and self.h1_in_article:
                self.h1 = text
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth <= 0:
                    self.skip_tag = None
            return
        if tag == "title":
            self.in_title = False
            return
        if tag in VOID_TAGS:
            return
        self._close(tag)

    def handle_data(self, data: str) -> None:
        if self.h1_parts is not None and (self.skip_tag is None or self.skip_tag == "header"):
            self.h1_parts.append(data)
        if self.skip_tag is not None:
            if self.in_ld_json and self.ld_date is None:
                match = _LD_DATE.search(data)
                if match:
                    self.ld_date = parse_date(match.group(1))
            return
        if self.in_title:
            self.title_parts.append(data)
            return
        self.current.children.append(data)

    def _start_h1(self) -> None:
        if self.h1 is not None:
            return
        self.h1_parts = []
        self.h1_in_article = self.current.in_article

    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        content = a.get("content", "").strip()
        if not key or not content:
            return
        if key in _TITLE_META and self.meta_title is None:
            self.meta_title = _WS.sub(" ", content).strip()
        elif key in _PUBLISHED_META and self.meta_date is None:
            self.meta_date = parse_date(content)

    # -- results -------------------------------------------------------------------------
    def title(self) -> str | None:
        """og:title, else the article's <h1>, else <title> without its " | Site" suffix."""
        if self.meta_title:
            return self.meta_title
        if self.h1:
            return self.h1
        title = _WS.sub(" ", "".join(self.title_parts)).strip()
        if not title:
            return self.any_h1
        seps = list(_TITLE_SPLIT.finditer(title))
        if seps:
            last = seps[-1]
            site, head = title[last.end():], title[:last.start()]
            if len(site.split()) <= 4 and len(head) >= 20:
                title = head
        return title or None


def _measure(root: _Node) -> None:
    """Set every node's `length` (text characters in its subtree) in one pass."""
    order: list[_Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(c for c in node.children if isinstance(c, _Node))
    for node in reversed(order):  # children before parents
        node.length = sum(
            len(c.strip()) if isinstance(c, str) else c.length for c in node.children
        )


def _text_len(node: _Node) -> int:
    return node.length


def _best_container(root: _Node) -> _Node | None:
    """The element holding most <p> text: its parent scores fully, the grandparent half."""
    scores: dict[int, float] = {}
    nodes: dict[int, _Node] = {}
    stack: list[_Node] = [root]
    while stack:
        node = stack.pop()
        for child in node.children:
            if isinstance(child, _Node):
                stack.append(child)
        if node.tag != "p" or node.parent is None:
            continue
        length = _text_len(node)
        if length < 25:
            continue
        parent = node.parent
        scores[id(parent)] = scores.get(id(parent), 0.0) + length
        nodes[id(parent)] = parent
        if parent.parent is not None:
            grand = parent.parent
            scores[id(grand)] = scores.get(id(grand), 0.0) + length / 2
            nodes[id(grand)] = grand
    if not scores:
        return None
    best = max(scores, key=lambda k: scores[k])
    return nodes[best]


def _render(node: _Node, out: list[str | int], pre: bool = False) -> None:
    """Text pieces, with ints for breaks: 1 a line break, 2 a paragraph break, -1 a <br>."""
    for child in node.children:
        if isinstance(child, str):
            out.append(child if pre else _WS.sub(" ", child))
            continue
        tag = child.tag
        if tag == "br":
            out.append(-1)
        elif tag in PARAGRAPH_TAGS:
            out.append(2)
            if tag != "hr":
                _render(child, out, pre or tag == "pre")
            out.append(2)
        elif tag in BLOCK_TAGS:
            out.append(1)
            _render(child, out, pre)
            out.append(1)
        elif tag in ("td", "th"):
            _render(child, out, pre)
            out.append(" ")
        else:
            _render(child, out, pre)


def _join(pieces: list[str | int]) -> str:
    """Merge runs of breaks (the strongest wins) and strip each line."""
    parts: list[str] = []
    pending = 0
    for piece in pieces:
        if isinstance(piece, int):
            # <br><br> separates paragraphs on many news sites
            pending = min(2, pending + 1) if piece < 0 else max(pending, piece)
            continue
        if pending:
            if not piece.strip():
                continue
            if parts:
                parts.append("\n" * pending)
            pending = 0
        parts.append(piece)
    lines = [re.sub(r"[ \t]{2,}", " ", line).strip() for line in "".join(parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


_TAG_NAME = re.compile(r"[a-zA-Z][^\s/>\x00]*")
_TAG_STOP = re.compile(r"[<>\"']")
# name, then an optional value; an unclosed quote runs to the end (no backtracking)
_ATTR = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s"'=<>`]+)))?""")
_RAW_TEXT = frozenset({"script", "style", "title", "textarea", "xmp"})
_RAW_END = {tag: re.compile(rf"</{tag}\b", re.IGNORECASE) for tag in _RAW_TEXT}
_QUOTE_SPAN = 16384  # a quoted attribute value longer than this is taken as broken markup


def _tag_end(s: str, start: int) -> int:
    """Index of the '>' closing a start tag, skipping quoted values; linear in the tag."""
    pos = start
    limit = min(len(s), start + _QUOTE_SPAN)
    while True:
        match = _TAG_STOP.search(s, pos, limit)
        if match is None:
            return s.find(">", start)
        if match.group() == ">":
            return match.start()
        if match.group() == "<":  # a '<' outside quotes: broken markup, end at the first '>'
            return s.find(">", start)
        close = s.find(match.group(), match.end(), limit)
        if close == -1:  # unclosed quote: the first '>' ends the tag
            return s.find(">", start)
        pos = close + 1


def _attrs(inner: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for match in _ATTR.finditer(inner):
        name, dq, sq, bare = match.groups()
        value = dq if dq is not None else sq if sq is not None else bare
        out.append((name.lower(), unescape(value) if value else value))
    return out


def tokenize(s: str, sink: _Reducer) -> None:
    """A linear HTML tokenizer feeding start/end tags and text to `sink`.

    Written instead of html.parser, whose start-tag regex backtracks for minutes on
    inputs like "<a b='>'" repeated; every step here is a find() or a bounded scan.
    """
    n = len(s)
    pos = 0
    last_gt = s.rfind(">")
    while pos < n:
        lt = s.find("<", pos)
        if lt == -1 or lt > last_gt:
            sink.handle_data(unescape(s[pos:]))
            return
        if lt > pos:
            sink.handle_data(unescape(s[pos:lt]))
        if s.startswith("<!--", lt):
            end = s.find("-->", lt + 4)
            pos = n if end == -1 else end + 3
            continue
        following = s[lt + 1:lt + 2]
        if following in ("!", "?"):  # doctype, CDATA, processing instruction
            pos = s.find(">", lt) + 1
            continue
        if following == "/":
            match = _TAG_NAME.match(s, lt + 2)
            if match:
                sink.handle_endtag(match.group().lower())
            pos = s.find(">", lt) + 1
            continue
        match = _TAG_NAME.match(s, lt + 1)
        if match is None:
            sink.handle_data("<")
            pos = lt + 1
            continue
        tag = match.group().lower()
        end = _tag_end(s, match.end())
        inner = s[match.end():end]
        attrs = _attrs(inner) if "=" in inner or inner.strip(" /") else []
        pos = end + 1
        if inner.endswith("/"):
            sink.handle_startendtag(tag, attrs)
            continue
        sink.handle_starttag(tag, attrs)
        if tag in _RAW_TEXT:
            close = _RAW_END[tag].search(s, pos)
            stop = n if close is None else close.start()
            raw = s[pos:stop]
            sink.handle_data(raw if tag in ("script", "style") else unescape(raw))
            if close is None:
                return
            sink.handle_endtag(tag)
            gt = s.find(">", close.end())
            pos = n if gt == -1 else gt + 1


def _reduce(markup: str, drop_furniture: bool) -> tuple[str, _Reducer]:
    parser = _Reducer(drop_furniture=drop_furniture)
    tokenize(markup, parser)
    _measure(parser.root)
    candidates = [n for n in parser.article_bodies if _text_len(n) >= 80]
    if not candidates:
        candidates = [n for n in parser.articles if _text_len(n) >= 80]
    chosen: _Node | None = max(candidates, key=_text_len) if candidates else None
    if chosen is None:
        best = _best_container(parser.root)
        if best is not None and _text_len(best) >= 0.25 * _text_len(parser.root):
            chosen = best
    out: list[str | int] = []
    _render(chosen or parser.root, out)
    return _join(out), parser


def reduce_html(markup: str) -> HtmlText:
    """Article text, title and publication date of a web page. Never raises on any text."""
    text, parser = _reduce(markup, drop_furniture=True)
    if len(text) < _SHORT_TEXT:  # a content wrapper named like furniture ("sidebar-layout")?
        text2, parser2 = _reduce(markup, drop_furniture=False)
        if len(text2) > 3 * len(text) + 100:
            text, parser = text2, parser2
    published = parser.meta_date or parser.ld_date or parser.time_date
    return HtmlText(text=text, title=parser.title(), published=published)


def looks_like_html(head: str) -> bool:
    """Content sniffing: the text starts with a doctype, <html>, or an HTML comment + tag."""
    start = head.lstrip("\ufeff \t\r\n")[:200].lower()
    return start.startswith(("<!doctype html", "<html")) or (
        start.startswith("<!--") and "<html" in head[:2000].lower()
    )
