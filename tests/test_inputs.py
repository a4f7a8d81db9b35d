"""Reading inputs: encodings, binary and broken files, folders, JSON Lines, stdin, HTML."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incident_cli.html import is_furniture, reduce_html
from incident_cli.inputs import (
    Article,
    InputError,
    count_inputs,
    decode,
    iter_inputs,
    read_file,
)

STORY = "A bus fell into a gorge on Monday, killing 12 people, police said."


def one(paths: list[str], **kwargs: object) -> Article | InputError:
    items = list(iter_inputs(paths, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def article(paths: list[str], **kwargs: object) -> Article:
    item = one(paths, **kwargs)
    assert isinstance(item, Article), item
    return item


def error(paths: list[str], **kwargs: object) -> InputError:
    item = one(paths, **kwargs)
    assert isinstance(item, InputError), item
    return item


def write(path: Path, data: bytes | str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return str(path)


# -- encodings ----------------------------------------------------------------------------


def test_utf8(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Café blast in Zürich — 3 dead.\n")
    a = article([p])
    assert a.text == "Café blast in Zürich — 3 dead.\n"
    assert a.id == p and a.source == p and a.warnings == []


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", b"\xef\xbb\xbf" + "Naïve text.".encode())
    assert article([p]).text == "Naïve text."


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[codec]
    p = write(tmp_path / "a.txt", bom + "Flood in Łódź kills 4.".encode(codec))
    assert article([p]).text == "Flood in Łódź kills 4."


def test_utf16_without_bom_is_not_called_binary(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "Storm hits the coast, 2 dead.".encode("utf-16-le"))
    assert article([p]).text == "Storm hits the coast, 2 dead."


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", b"Police said \x93at least 5\x94 died \x96 officials\x92 view.")
    assert article([p]).text == "Police said “at least 5” died – officials’ view."


def test_latin1_fallback(tmp_path: Path) -> None:
    # 0x81 and 0x8d are undefined in cp1252, so only latin-1 decodes these bytes
    data = b"S\xe3o Paulo \x81\x8d fire"
    text, encoding = decode(data)
    assert encoding == "latin-1" and text.startswith("São Paulo")
    p = write(tmp_path / "a.txt", data)
    assert article([p]).text.startswith("São Paulo")


def test_mostly_utf8_with_one_stray_byte_stays_utf8() -> None:
    text, encoding = decode("Zürich, Genève, Málaga, Köln \x97 ok".encode() + b" \x97")
    assert encoding == "utf-8" and "Genève" in text


# -- binary, empty, missing ---------------------------------------------------------------


def test_nul_bytes_are_binary(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", b"abc\x00\x01\x02def" * 10)
    assert error([p]).error == "binary file (contains NUL bytes)"


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 stuff", "PDF"),
        ("a.png", b"\x89PNG\r\n\x1a\nIHDR", "PNG"),
        ("a.jpg", b"\xff\xd8\xff\xe0JFIF", "JPEG"),
        ("a.gif", b"GIF89a....", "GIF"),
        ("a.docx", b"PK\x03\x04word/document.xml", "DOCX"),
        ("a.zip", b"PK\x03\x04stuff", "ZIP"),
        ("a.txt.gz", b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_magic_numbers(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    p = write(tmp_path / name, data)
    err = error([p])
    assert err.error == f"binary file ({kind})"
    assert err.id == p and err.source == p


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    p = write(tmp_path / "a.txt", data)
    assert error([p]).error == "empty file"


def test_missing_file(tmp_path: Path) -> None:
    p = str(tmp_path / "nope.txt")
    err = error([p])
    assert (err.id, err.source, err.error) == (p, p, "not found")


def test_permission_denied(tmp_path: Path) -> None:
    p = write(tmp_path / "secret.txt", STORY)
    os.chmod(p, 0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running with privileges that read chmod 000 files")
        assert error([p]).error == "permission denied"
    finally:
        os.chmod(p, 0o644)


def test_unreadable_folder_inside_a_folder(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.txt", STORY)
    locked = tmp_path / "d" / "locked"
    write(locked / "b.txt", STORY)
    os.chmod(locked, 0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that read chmod 000 folders")
        items = list(iter_inputs([str(tmp_path / "d")], recursive=True))
        assert isinstance(items[0], Article)
        assert isinstance(items[1], InputError) and items[1].error == "permission denied"
    finally:
        os.chmod(locked, 0o755)


def test_truncation_warning(tmp_path: Path) -> None:
    text = "é" * 60  # 2 bytes each: a cap of 101 bytes falls inside a character
    p = write(tmp_path / "a.txt", text)
    a = article([p], max_bytes=101)
    assert a.text == "é" * 50
    assert a.warnings == ["truncated to 101 bytes"]


def test_truncation_warning_uses_thousands_separator(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", "x" * 2_000_010)
    a = article([p], max_bytes=2_000_000)
    assert len(a.text) == 2_000_000
    assert a.warnings == ["truncated to 2,000,000 bytes"]


def test_named_file_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    p = write(tmp_path / "story.dat", STORY)
    assert article([p]).text == STORY


# -- folders --------------------------------------------------------------------------------


def make_tree(root: Path) -> None:
    write(root / "b.txt", "b")
    write(root / "a.md", "a")
    write(root / "c.html", "<html><body><p>c</p></body></html>")
    write(root / "notes.csv", "x,y")
    write(root / ".hidden.txt", "hidden")
    write(root / ".git" / "x.txt", "hidden dir")
    write(root / "sub" / "d.txt", "d")
    write(root / "sub" / "deeper" / "e.text", "e")


def test_folder_sorted_not_recursive(tmp_path: Path) -> None:
    make_tree(tmp_path / "news")
    items = list(iter_inputs([str(tmp_path / "news")]))
    assert [i.id for i in items] == ["a.md", "b.txt", "c.html"]
    assert [i.source for i in items] == [str(tmp_path / "news" / n)
                                         for n in ("a.md", "b.txt", "c.html")]
    assert [i.text for i in items if isinstance(i, Article)] == ["a", "b", "c"]
    assert count_inputs([str(tmp_path / "news")]) == 3


def test_folder_recursive(tmp_path: Path) -> None:
    make_tree(tmp_path / "news")
    items = list(iter_inputs([str(tmp_path / "news")], recursive=True))
    assert [i.id for i in items] == ["a.md", "b.txt", "c.html", "sub/d.txt", "sub/deeper/e.text"]
    assert count_inputs([str(tmp_path / "news")], recursive=True) == 5


def test_folder_glob(tmp_path: Path) -> None:
    make_tree(tmp_path / "news")
    root = str(tmp_path / "news")
    assert [i.id for i in iter_inputs([root], glob="*.txt")] == ["b.txt"]
    assert [i.id for i in iter_inputs([root], glob="*.txt", recursive=True)] == [
        "b.txt", "sub/d.txt"]
    assert [i.id for i in iter_inputs([root], glob="*.csv")] == ["notes.csv"]
    assert count_inputs([root], glob="*.txt", recursive=True) == 2


def test_mixed_files_and_folders_keep_argument_order(tmp_path: Path) -> None:
    make_tree(tmp_path / "news")
    single = write(tmp_path / "z.txt", "z")
    items = list(iter_inputs([single, str(tmp_path / "news")]))
    assert [i.id for i in items] == [single, "a.md", "b.txt", "c.html"]


def test_symlink_loop_in_folder(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root / "a.txt", "a")
    write(root / "sub" / "b.txt", "b")
    os.symlink("..", root / "sub" / "up")  # sub/up -> news: a loop
    os.symlink("self.txt", root / "self.txt")  # a link to itself
    os.symlink("gone.txt", root / "broken.txt")
    items = list(iter_inputs([str(root)], recursive=True))
    assert [i.id for i in items] == ["a.txt", "broken.txt", "self.txt", "sub/b.txt", "sub/up"]
    errors = {i.id: i.error for i in items if isinstance(i, InputError)}
    assert errors == {
        "broken.txt": "broken symlink",
        "self.txt": "symlink loop",
        "sub/up": "symlink loop (links back to a folder above it)",
    }
    assert count_inputs([str(root)], recursive=True) == 5


def test_folder_reached_twice_is_read_once(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root / "real" / "a.txt", "a")
    os.symlink("real", root / "zlink")
    items = list(iter_inputs([str(root)], recursive=True))
    assert [i.id for i in items] == ["real/a.txt"]


def test_empty_folder_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert list(iter_inputs([str(tmp_path / "empty")])) == []
    assert count_inputs([str(tmp_path / "empty")]) == 0


# -- JSON Lines -------------------------------------------------------------------------------


def jsonl(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_jsonl_good_lines(tmp_path: Path) -> None:
    p = write(tmp_path / "batch.jsonl", jsonl(
        {"id": "d1", "text": STORY, "published": "2024-05-03", "title": "Bus crash",
         "url": "https://example.org/a"},
        "",
        {"id": 42, "text": "Second."},
        {"text": "No id."},
        {"id": "d4", "text": "Timestamp.", "published": "2024-05-03T10:11:12Z"},
        {"id": "d5", "text": "Null date.", "published": None},
    ))
    items = list(iter_inputs([p]))
    assert all(isinstance(i, Article) for i in items)
    a, b, c, d, e = items
    assert isinstance(a, Article)
    assert (a.id, a.source, a.text) == ("d1", f"{p}:1", STORY)
    assert a.published == dt.date(2024, 5, 3)
    assert a.title == "Bus crash" and a.url == "https://example.org/a"
    assert (b.id, b.source) == ("42", f"{p}:3")  # blank line 2 skipped, numbering kept
    assert (c.id, c.source) == (f"{p}:4", f"{p}:4")
    assert isinstance(d, Article) and d.published == dt.date(2024, 5, 3)
    assert isinstance(e, Article) and e.published is None
    assert count_inputs([p]) == 5


def test_jsonl_bad_lines(tmp_path: Path) -> None:
    p = write(tmp_path / "batch.ndjson", jsonl(
        {"id": "ok", "text": STORY},
        "{not json",
        {"id": "t1"},
        {"id": "t2", "text": 17},
        {"id": "t3", "text": STORY, "published": "May 3"},
        "[1, 2]",
        {"id": "t5", "text": "   "},
        {"id": "t6", "text": STORY, "published": "2024-02-30"},
        {"id": "t7", "text": STORY, "title": 5},
    ))
    items = list(iter_inputs([p]))
    assert [type(i).__name__ for i in items] == ["Article"] + ["InputError"] * 7 + ["Article"]
    errors = [(i.id, i.error) for i in items if isinstance(i, InputError)]
    assert errors == [
        (f"{p}:2", "line 2: invalid JSON: Expecting property name enclosed in double quotes "
                   "at column 2"),
        ("t1", "line 3: no 'text' field"),
        ("t2", "line 4: 'text' is not a string (got number)"),
        ("t3", "line 5: 'published' is not a YYYY-MM-DD date: 'May 3'"),
        (f"{p}:6", "line 6: not a JSON object (got array)"),
        ("t5", "line 7: empty 'text'"),
        ("t6", "line 8: 'published' is not a YYYY-MM-DD date: '2024-02-30'"),
    ]
    last = items[-1]
    assert isinstance(last, Article) and last.title is None and last.warnings


def test_jsonl_invalid_json_message(tmp_path: Path) -> None:
    p = write(tmp_path / "b.jsonl", '{"text": "a"}\n\n\n\n\n\n,\n')
    err = list(iter_inputs([p]))[-1]
    assert isinstance(err, InputError)
    assert err.error == "line 7: invalid JSON: Expecting value at column 1"


def test_jsonl_utf8_bom_crlf_and_no_final_newline(tmp_path: Path) -> None:
    data = b'\xef\xbb\xbf{"id": "a", "text": "x"}\r\n{"id": "b", "text": "y"}'
    p = write(tmp_path / "b.jsonl", data)
    assert [(i.id, i.text) for i in iter_inputs([p])] == [("a", "x"), ("b", "y")]
    assert count_inputs([p]) == 2


def test_jsonl_binary_file_is_one_error(tmp_path: Path) -> None:
    p = write(tmp_path / "b.jsonl", b"\x1f\x8b\x08\x00" + b"\x00" * 100)
    assert error([p]).error == "binary file (gzip)"


def test_jsonl_text_truncated(tmp_path: Path) -> None:
    p = write(tmp_path / "b.jsonl", jsonl({"id": "a", "text": "é" * 100}))
    a = article([p], max_bytes=51)
    assert a.text == "é" * 25 and a.warnings == ["truncated to 51 bytes"]


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """An endless JSONL stream still yields its first records: nothing reads it whole."""
    produced = 0

    def lines() -> object:
        nonlocal produced
        for n in itertools.count():
            produced += 1
            yield (json.dumps({"id": n, "text": STORY}) + "\n").encode()

    class Endless(io.RawIOBase):
        def __init__(self) -> None:
            self.gen = lines()
            self.pending = b""

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            while not self.pending:
                self.pending = next(self.gen)  # type: ignore[call-overload]
            n = min(len(buffer), len(self.pending))
            buffer[:n] = self.pending[:n]
            self.pending = self.pending[n:]
            return n

    stream = io.BufferedReader(Endless())
    first = list(itertools.islice(iter_inputs(["-"], stdin=stream), 3))
    assert [a.id for a in first] == ["0", "1", "2"]
    assert produced < 1000


def test_jsonl_file_is_read_line_by_line(tmp_path: Path) -> None:
    p = write(tmp_path / "big.jsonl", jsonl(*({"id": n, "text": STORY} for n in range(20000))))
    items = iter_inputs([p])
    assert isinstance(next(items), Article)  # lazily: no list built up front
    assert sum(1 for _ in items) == 19999
    assert count_inputs([p]) == 20000


# -- a named .json file -------------------------------------------------------------------------


def test_json_file_with_one_article_object(tmp_path: Path) -> None:
    p = write(tmp_path / "story.json", json.dumps(
        {"text": STORY, "published": "2024-06-10", "title": "Bus falls", "url": "https://x.y/1"}))
    item = article([p])
    assert (item.text, item.published, item.title, item.url) == (
        STORY, dt.date(2024, 6, 10), "Bus falls", "https://x.y/1")
    assert (item.id, item.source) == (p, p)


def test_json_file_with_an_array_of_articles(tmp_path: Path) -> None:
    p = write(tmp_path / "two.json", json.dumps([{"id": "a", "text": STORY}, {"text": "x"},
                                                 {"title": "no text"}, 7]))
    items = list(iter_inputs([p]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError", "InputError"]
    assert items[0].id == "a" and items[1].source == f"{p}:2"
    assert items[2].error == "item 3: no 'text' field"
    assert items[3].error == "item 4: not a JSON object (got number)"


@pytest.mark.parametrize(("content", "error"), [
    ("{not json", "invalid JSON: Expecting property name enclosed in double quotes at line 1 "
                  "column 2"),
    ('"just a string"', "expected a JSON object with a 'text' field, or an array of them "
                        "(got string)"),
    ("[]", "empty JSON array"),
    ("  \n", "empty file"),
    ('{"title": "t"}', "no 'text' field"),
    ('{"text": "a", "published": "June"}', "'published' is not a YYYY-MM-DD date: 'June'"),
])
def test_json_file_errors_name_the_cause(tmp_path: Path, content: str, error: str) -> None:
    p = write(tmp_path / "bad.json", content)
    item = one([p])
    assert isinstance(item, InputError) and item.error == error and item.source == p


def test_folders_do_not_pick_up_json_files(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", STORY)
    write(tmp_path / "story.expected.json", json.dumps({"what": {"event_type": "accident"}}))
    assert [a.id for a in iter_inputs([str(tmp_path)])] == ["story.txt"]


# -- stdin --------------------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    a = article(["-"], stdin=io.BytesIO(STORY.encode("cp1252")))
    assert (a.id, a.source, a.text) == ("<stdin>", "<stdin>", STORY)


def test_stdin_when_no_paths() -> None:
    assert article([], stdin=io.BytesIO(b"Text from a pipe.")).text == "Text from a pipe."


def test_stdin_jsonl_sniffed() -> None:
    data = jsonl({"id": "a", "text": "x"}, "oops", {"text": "y"}).encode()
    items = list(iter_inputs(["-"], stdin=io.BytesIO(b"\n" + data)))
    assert [(i.id, i.source) for i in items] == [
        ("a", "<stdin>:2"), ("<stdin>:3", "<stdin>:3"), ("<stdin>:4", "<stdin>:4")]
    assert isinstance(items[1], InputError) and items[1].error.startswith("line 3: invalid JSON")


def test_stdin_text_starting_with_brace_is_text() -> None:
    a = article(["-"], stdin=io.BytesIO(b"{Update} A fire broke out.\nMore text."))
    assert a.text.startswith("{Update}")


def test_stdin_html_and_empty() -> None:
    page = b"<!DOCTYPE html><html><head><title>Quake strikes</title></head>" \
           b"<body><p>" + STORY.encode() + b"</p></body></html>"
    a = article(["-"], stdin=io.BytesIO(page))
    assert a.text == STORY and a.title == "Quake strikes"
    assert error(["-"], stdin=io.BytesIO(b"  \n")).error == "empty file"


def test_stdin_text_stream_accepted() -> None:
    assert article(["-"], stdin=io.StringIO("Plain text.")).text == "Plain text."  # type: ignore[arg-type]


def test_stdin_truncated() -> None:
    a = article(["-"], stdin=io.BytesIO(b"line one\n" + b"x" * 500), max_bytes=100)
    assert len(a.text) == 100 and a.warnings == ["truncated to 100 bytes"]


def test_count_inputs_with_stdin_is_unknown(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", STORY)
    assert count_inputs([p, "-"]) is None
    assert count_inputs([p, str(tmp_path / "missing")]) == 2


# -- HTML -----------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<title>Bus plunges into gorge, 12 dead | The Daily Example</title>
<meta property="article:published_time" content="2024-05-03T08:00:00+05:30">
<script>var tracking = "<p>not article text</p>";</script>
<style>p { color: red }</style>
</head>
<body>
<header class="site-header"><a href="/">The Daily Example</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<div class="layout has-sidebar">
<article>
  <header><h1>Bus plunges into gorge, 12 dead</h1></header>
  <p>A bus fell into a gorge on Monday, killing 12 people &amp; injuring 30, police said.</p>
  <p>The driver lost control on a bend.<br>Rescuers worked through the night.
  <p>Officials called it &ldquo;a tragedy&rdquo;.</p>
  <div class="share-buttons">Share on Facebook Tweet this</div>
  <figure><img src="bus.jpg">
    <figcaption>The wreck of the bus, photographed by a reader</figcaption></figure>
</article>
<aside><p>Most read: another story that is long enough to look like a paragraph.</p></aside>
</div>
<div id="comments"><p>Reader comment: this comment is long enough to be a paragraph too.</p></div>
<div class="cookie-banner">We use cookies to improve your experience on this site.</div>
<footer><p>Copyright 2024 The Daily Example. All rights reserved by the owners.</p></footer>
</body></html>
"""


def test_html_file_reduced(tmp_path: Path) -> None:
    p = write(tmp_path / "page.html", PAGE)
    a = article([p])
    assert a.title == "Bus plunges into gorge, 12 dead"
    assert a.published == dt.date(2024, 5, 3)
    assert a.text == (
        "A bus fell into a gorge on Monday, killing 12 people & injuring 30, police said.\n\n"
        "The driver lost control on a bend.\nRescuers worked through the night.\n\n"
        "Officials called it “a tragedy”."
    )
    for junk in ("tracking", "color", "World", "Share", "wreck", "Most read", "comment",
                 "cookies", "Copyright"):
        assert junk not in a.text


def test_html_title_and_date_fallbacks() -> None:
    page = ("<html><head><title>Flood kills four in northern valley - Example News</title>"
            "</head><body><div><time datetime='2023-11-02'>2 Nov</time>"
            "<p>Floodwater swept through four villages on Thursday, officials said.</p>"
            "<p>Four people drowned and dozens of homes were destroyed by the water.</p>"
            "</div><div class='related-stories'><p>Other news from the region "
            "that should not be part of this story at all.</p></div></body></html>")
    out = reduce_html(page)
    assert out.title == "Flood kills four in northern valley"
    assert out.published == dt.date(2023, 11, 2)
    assert "Other news" not in out.text
    assert out.text.endswith("Four people drowned and dozens of homes were destroyed by the water.")


def test_html_og_title_and_json_ld_date() -> None:
    page = ('<html><head><meta property="og:title" content="Fire at depot">'
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2022-01-09T10:00:00Z"}</script></head>'
            "<body><h1>Site name</h1><p>A fire broke out at a fuel depot.</p></body></html>")
    out = reduce_html(page)
    assert out.title == "Fire at depot" and out.published == dt.date(2022, 1, 9)
    assert out.text == "Site name\n\nA fire broke out at a fuel depot."


def test_html_sniffed_without_suffix(tmp_path: Path) -> None:
    p = write(tmp_path / "page.txt", "\n  <!doctype html><html><body><p>Hello.</p></body></html>")
    assert article([p]).text == "Hello."


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    markup = "<html><body><script>x()</script><nav>Menu</nav></body></html>"
    p = write(tmp_path / "page.html", markup)
    assert error([p]).error == "no article text found in the HTML page"


@pytest.mark.parametrize("markup", [
    "<", "<p", "</div></p>", "<div>" * 3000 + "deep", "<!--", "<![CDATA[x", "<p>\x00\ud800</p>",
    "<table><tr><td>a<td>b</table>", "<p>unclosed <b>bold <i>both</p> after",
])
def test_html_never_raises(markup: str) -> None:
    assert isinstance(reduce_html(markup).text, str)


def test_furniture_classes() -> None:
    assert is_furniture({"class": "site-nav"})
    assert is_furniture({"id": "comments"})
    assert is_furniture({"class": "social_share"})
    assert is_furniture({"class": "adSlot"})
    assert is_furniture({"class": "ad-slot"})
    assert is_furniture({"role": "navigation"})
    assert not is_furniture({"class": "has-sidebar with-comments"})
    assert not is_furniture({"class": "article-body headline"})
    assert not is_furniture({"class": "shadow download"})  # "ad" only as a whole word


# -- Markdown -------------------------------------------------------------------------------------


def test_markdown_light_reduction(tmp_path: Path) -> None:
    p = write(tmp_path / "a.md", "---\ntitle: Blast at plant\ndate: 2024-02-01\n---\n"
                                 "# Blast at plant\n\nA **blast** hit a [plant](http://x) today.\n"
                                 "![photo](p.jpg)\n")
    a = article([p])
    assert a.title == "Blast at plant" and a.published == dt.date(2024, 2, 1)
    assert a.text == "Blast at plant\n\nA blast hit a plant today.\n\n"


def test_read_file_direct(tmp_path: Path) -> None:
    p = write(tmp_path / "a.txt", STORY)
    item = read_file(p, id="custom")
    assert isinstance(item, Article) and item.id == "custom" and item.source == p


@pytest.mark.parametrize(("markup", "text"), [
    ("<div>line one</div><div>line two</div><p>para</p>", "line one\nline two\n\npara"),
    ("a<br>b", "a\nb"),
    ("a<br><br>b", "a\n\nb"),
    ("<table><tr><td>a<td>b<tr><td>c</table>", "a b\nc"),
    ("<ul><li>one<li>two</ul><p>after</p>", "one\ntwo\n\nafter"),
    ("<p>x&nbsp;&amp;&#8220;y&#x201d;</p>", "x &“y”"),
])
def test_html_blocks_become_lines(markup: str, text: str) -> None:
    assert reduce_html(markup).text == text


# -- never a traceback -----------------------------------------------------------------------------

_SEEDS = [b"", b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"{", b"<html>", b"%PDF",
          b"\n", b"\xe9", b"<!doctype html><p>", b'{"text": "x"}\n']


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(_SEEDS), body=st.binary(max_size=300),
       suffix=st.sampled_from([".txt", ".html", ".md", ".jsonl", ""]))
def test_any_bytes_give_records_not_tracebacks(
    tmp_path: Path, prefix: bytes, body: bytes, suffix: str
) -> None:
    p = write(tmp_path / f"f{suffix}", prefix + body)
    items = list(iter_inputs([p], max_bytes=200))
    stdin_items = list(iter_inputs(["-"], stdin=io.BytesIO(prefix + body), max_bytes=200))
    for item in items + stdin_items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert item.text.strip()
        else:
            assert item.error and "\n" not in item.error


@settings(max_examples=150, deadline=None)
@given(markup=st.text(alphabet=st.sampled_from(list("<>/!-='\" apdivscriptlh1&;#x\n")),
                      max_size=400))
def test_html_soup_never_raises(markup: str) -> None:
    assert isinstance(reduce_html(markup).text, str)


def test_html_broken_tags_stay_fast() -> None:
    start = time.perf_counter()
    for piece in ("<a b='>'", "<a <a ", "<p>", "<article><p>x", "<!--<", "<a b=\"x"):
        reduce_html(piece * 20000)
    assert time.perf_counter() - start < 10


def test_no_stdin_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", None)
    err = error(["-"])
    assert err.source == "<stdin>" and err.error == "no stdin"


def test_stdin_given_twice() -> None:
    items = list(iter_inputs(["-", "-"], stdin=io.BytesIO(b"Text.")))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and items[1].error == "stdin given more than once"


def test_html_content_wrapper_named_like_furniture() -> None:
    body = "".join(f"<p>Paragraph {i} of the report on the flood in the valley.</p>"
                   for i in range(8))
    page = f"<html><body><div class='layout sidebar-layout'>{body}</div></body></html>"
    assert reduce_html(page).text.count("Paragraph") == 8
