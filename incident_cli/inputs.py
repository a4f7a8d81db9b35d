"""Read articles from files, folders, JSON Lines and stdin: one `Article` or `InputError` each.

Reading is the cheap, forgiving layer in front of the pipeline: any encoding a newsroom
export or a scraper produces is decoded, binary files and broken lines become `InputError`
records with a one-line cause, and nothing here ever raises for a bad input. JSON Lines are
streamed line by line, so a 50,000-line file costs no more memory than one article.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import fnmatch
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

ARTICLE_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# Read as `{"text", ...}` articles only when named: a folder's .json files are often other
# things (our seeds' expected summaries, say), so folders never pick them up by suffix.
JSON_SUFFIX = ".json"
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 5_000_000
STDIN = "<stdin>"

_SNIFF_BYTES = 8192
_COUNT_JSONL_LIMIT = 256_000_000  # count lines of JSONL files up to this total size
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3"),
    (b"SQLite format 3\x00", "SQLite"),
)
_ZIP_KINDS = {".docx": "DOCX", ".xlsx": "XLSX", ".pptx": "PPTX", ".odt": "ODT", ".epub": "EPUB"}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


@dataclass
class Article:
    """One article to summarise, with where it came from."""

    id: str  # path as given (or relative to a folder argument), "<stdin>", or the JSONL "id"
    source: str  # the file path, "<stdin>", or "path:line" for JSON Lines
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class InputError:
    """An input that could not be read, with a one-line human cause."""

    id: str | None
    source: str
    error: str


Item = Article | InputError


# ---------------------------------------------------------------------------------------
# Errors


def describe_os_error(exc: BaseException) -> str:
    """A short human cause for an OSError: "not found", "permission denied", ..."""
    if isinstance(exc, FileNotFoundError):
        return "not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, NotADirectoryError):
        return "not found (a parent is not a directory)"
    if isinstance(exc, OSError):
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if exc.errno == errno.ENAMETOOLONG:
            return "file name too long"
        if exc.errno == errno.EIO:
            return "I/O error"
        if exc.strerror:
            return exc.strerror[0].lower() + exc.strerror[1:]
    if isinstance(exc, UnicodeError):
        return "file name is not valid text"
    return f"{type(exc).__name__}: {exc}".strip()


# ---------------------------------------------------------------------------------------
# Decoding


def binary_kind(head: bytes, suffix: str = "") -> str | None:
    """"PDF", "PNG", ... or "contains NUL bytes" when `head` is not text; None for text."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "ZIP":
                return _ZIP_KINDS.get(suffix, "ZIP")
            return kind
    if b"\x00" in head[:_SNIFF_BYTES] and not _bom(head) and not _utf16_no_bom(head):
        return "contains NUL bytes"
    return None


def _bom(head: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _utf16_no_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM: every other byte NUL, the rest mostly ASCII."""
    sample = head[:_SNIFF_BYTES]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding used).

    BOMs win (UTF-8, UTF-16, UTF-32); else strict UTF-8; else UTF-8 with replacements if
    the bytes are mostly well-formed UTF-8 with a stray byte; else cp1252 (curly quotes);
    else latin-1, which never fails. A multi-byte character cut by truncation is dropped.
    """
    encoding = _bom(data) or _utf16_no_bom(data)
    if encoding:
        if encoding.startswith("utf-16") and len(data) % 2:
            data = data[:-1]
        if encoding == "utf-32" and len(data) % 4:
            data = data[: len(data) - len(data) % 4]
        return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # cut mid-character (by truncation or a broken writer): drop the tail
            try:
                return data[: exc.start].decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    if good >= 4 * bad:
        return text, "utf-8"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def is_blank(text: str) -> bool:
    """No visible character: whitespace, BOMs and zero-width spaces only."""
    return not text.strip().strip("\ufeff\u200b\u200c\u200d\u2060").strip()


def _truncate_warning(max_bytes: int) -> str:
    return f"truncated to {max_bytes:,} bytes"


# ---------------------------------------------------------------------------------------
# One file or stdin as an article


def _text_article(
    data: bytes, *, id: str, source: str, suffix: str, truncated: bool, max_bytes: int
) -> Item:
    """Bytes of one document (text, Markdown or HTML) -> Article or InputError."""
    kind = binary_kind(data[:_SNIFF_BYTES], suffix)
    if kind:
        return InputError(id, source, f"binary file ({kind})")
    text, _encoding = decode(data)
    warnings = [_truncate_warning(max_bytes)] if truncated else []
    if is_blank(text):
        return InputError(id, source, "empty file")
    title: str | None = None
    published: dt.date | None = None
    from . import html  # stdlib html.parser only; loaded on first use

    if suffix in HTML_SUFFIXES or html.looks_like_html(text[:2000]):
        page = html.reduce_html(text)
        text, title, published = page.text, page.title, page.published
        if is_blank(text):
            return InputError(id, source, "no article text found in the HTML page")
    elif suffix == ".md":
        text, title, published = reduce_markdown(text)
        if is_blank(text):
            return InputError(id, source, "no article text found in the Markdown file")
    text = text.lstrip("\ufeff")
    return Article(id=id, source=source, text=text, published=published, title=title,
                   warnings=warnings)


def _read_capped(stream: BinaryIO, max_bytes: int) -> tuple[bytes, bool]:
    """Up to `max_bytes` bytes of the stream, and whether there was more."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        chunk = stream.read(max_bytes + 1 - size)
        if not chunk:
            break
        if isinstance(chunk, str):  # a text stream passed by mistake
            chunk = chunk.encode("utf-8")
        chunks.append(chunk)
        size += len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        return data[:max_bytes], True
    return data, False


def read_file(path: str, *, id: str | None = None, max_bytes: int = MAX_BYTES) -> Item:
    """One file as an Article (HTML reduced, Markdown lightly stripped) or an InputError."""
    id = path if id is None else id
    try:
        with open(path, "rb") as f:
            data, truncated = _read_capped(f, max_bytes)
    except (OSError, ValueError) as exc:
        return InputError(id, path, describe_os_error(exc))
    return _text_article(data, id=id, source=path, suffix=_suffix(path), truncated=truncated,
                         max_bytes=max_bytes)


_MD_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def reduce_markdown(text: str) -> tuple[str, str | None, dt.date | None]:
    """Markdown to plain text: front matter title/date read, headings, links and bold unwrapped."""
    title: str | None = None
    published: dt.date | None = None
    match = _MD_FRONT.match(text.lstrip("\ufeff"))
    if match:
        for line in match.group(1).splitlines():
            key, _, value = line.partition(":")
            key, value = key.strip().lower(), value.strip().strip("'\"")
            if key == "title" and value:
                title = value
            elif key in ("date", "published") and value:
                published = parse_iso_date(value)
        text = text.lstrip("\ufeff")[match.end():]
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return text, title, published


def parse_iso_date(value: str) -> dt.date | None:
    """A YYYY-MM-DD date, also the date part of an ISO timestamp; None if not one."""
    match = _ISO_DATE.match(value.strip())
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# JSON Lines


def _jsonl_record(line: str, lineno: int, path: str, max_bytes: int) -> Item:
    """One JSONL line -> Article, or an InputError naming the line and the cause."""
    source = f"{path}:{lineno}"
    where = f"line {lineno}: "
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(source, source, f"{where}invalid JSON: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:
        return InputError(source, source, f"{where}invalid JSON: {exc}")
    return _article_from_object(obj, source=source, where=where, max_bytes=max_bytes)


def _article_from_object(obj: object, *, source: str, where: str, max_bytes: int) -> Item:
    """A decoded JSON value -> Article, or an InputError; `where` prefixes each message
    ("line 3: ", "item 3: " or nothing for a lone object)."""
    if not isinstance(obj, dict):
        return InputError(source, source, f"{where}not a JSON object (got {_json_type(obj)})")
    raw_id = obj.get("id")
    id = source if raw_id is None or raw_id == "" else (
        raw_id if isinstance(raw_id, str) else json.dumps(raw_id, ensure_ascii=False))
    if "text" not in obj:
        return InputError(id, source, f"{where}no 'text' field")
    text = obj["text"]
    if not isinstance(text, str):
        return InputError(id, source,
                          f"{where}'text' is not a string (got {_json_type(text)})")
    if is_blank(text):
        return InputError(id, source, f"{where}empty 'text'")
    published: dt.date | None = None
    raw_date = obj.get("published")
    if raw_date not in (None, ""):
        published = parse_iso_date(raw_date) if isinstance(raw_date, str) else None
        if published is None:
            return InputError(id, source, f"{where}'published' is not a YYYY-MM-DD "
                                          f"date: {raw_date!r}")
    warnings: list[str] = []
    title, url = obj.get("title"), obj.get("url")
    if title is not None and not isinstance(title, str):
        warnings.append(f"'title' ignored: not a string (got {_json_type(title)})")
        title = None
    if url is not None and not isinstance(url, str):
        warnings.append(f"'url' ignored: not a string (got {_json_type(url)})")
        url = None
    if len(text) * 4 > max_bytes:
        encoded = text.encode("utf-8", errors="surrogatepass")
        if len(encoded) > max_bytes:
            text = encoded[:max_bytes].decode("utf-8", errors="ignore")
            warnings.append(_truncate_warning(max_bytes))
    return Article(id=id, source=source, text=text, published=published, title=title or None,
                   url=url or None, warnings=warnings)


def iter_json_file(path: str, *, id: str | None = None, max_bytes: int = MAX_BYTES
                   ) -> Iterator[Item]:
    """A named `.json` file: one article object, or an array of them (`{"text", ...}` as in
    JSON Lines). Unlike JSON Lines it is read whole, so it is capped like JSONL's lines."""
    id = path if id is None else id
    limit = _json_limit(max_bytes)
    try:
        with open(path, "rb") as f:
            data, truncated = _read_capped(f, limit)
    except (OSError, ValueError) as exc:
        yield InputError(id, path, describe_os_error(exc))
        return
    kind = binary_kind(data[:_SNIFF_BYTES], ".json")
    if kind:
        yield InputError(id, path, f"binary file ({kind})")
        return
    if truncated:
        yield InputError(id, path, f"JSON file larger than {limit:,} bytes; "
                                   f"use JSON Lines (one article a line) for big batches")
        return
    text = decode(data)[0].lstrip("\ufeff")
    if is_blank(text):
        yield InputError(id, path, "empty file")
        return
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(id, path, f"invalid JSON: {exc.msg} at line {exc.lineno} "
                                   f"column {exc.colno}")
        return
    except (ValueError, RecursionError) as exc:
        yield InputError(id, path, f"invalid JSON: {exc}")
        return
    if isinstance(value, dict):
        item = _article_from_object(value, source=path, where="", max_bytes=max_bytes)
        if item.id == path:
            item.id = id
        yield item
        return
    if not isinstance(value, list):
        yield InputError(id, path, "expected a JSON object with a 'text' field, or an array "
                                   f"of them (got {_json_type(value)})")
        return
    if not value:
        yield InputError(id, path, "empty JSON array")
        return
    for number, element in enumerate(value, start=1):
        yield _article_from_object(element, source=f"{path}:{number}", where=f"item {number}: ",
                                   max_bytes=max_bytes)


def _json_limit(max_bytes: int) -> int:
    """Bytes a JSON record may take: escapes can double a text; the rest is metadata."""
    return 2 * max_bytes + 65536


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _decode_line(raw: bytes, first: bool) -> str:
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode(raw)[0]


def _iter_jsonl_lines(
    stream: BinaryIO, path: str, max_bytes: int, first_lines: Iterable[tuple[int, bytes]] = ()
) -> Iterator[Item]:
    """Stream a JSONL byte stream line by line; overlong lines are skipped, not loaded."""
    limit = _json_limit(max_bytes)
    lineno = 0
    for lineno, raw in first_lines:
        yield from _one_line(raw, lineno, path, max_bytes, first=lineno == 1)
    while True:
        try:
            raw = stream.readline(limit)
        except OSError as exc:
            yield InputError(None, f"{path}:{lineno + 1}", describe_os_error(exc))
            return
        if not raw:
            return
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        lineno += 1
        if len(raw) >= limit and not raw.endswith(b"\n"):
            while True:  # skip the rest of the overlong line without holding it
                more = stream.readline(limit)
                if not more or more.endswith(b"\n"):
                    break
            source = f"{path}:{lineno}"
            yield InputError(source, source, f"line {lineno}: longer than {limit:,} bytes")
            continue
        yield from _one_line(raw, lineno, path, max_bytes, first=lineno == 1)


def _one_line(raw: bytes, lineno: int, path: str, max_bytes: int, first: bool) -> Iterator[Item]:
    if not raw.strip():
        return
    try:
        line = _decode_line(raw, first)
        yield _jsonl_record(line, lineno, path, max_bytes)
    except Exception as exc:  # noqa: BLE001 - never a traceback for a bad line
        source = f"{path}:{lineno}"
        yield InputError(source, source, f"line {lineno}: unreadable: {exc}")


def iter_jsonl_file(path: str, *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """One Article per line of a JSON Lines file, streamed; bad lines become InputErrors."""
    try:
        f = open(path, "rb")  # noqa: SIM115 - closed in the finally below, generator-safe
    except (OSError, ValueError) as exc:
        yield InputError(path, path, describe_os_error(exc))
        return
    try:
        try:
            head = f.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        except OSError as exc:
            yield InputError(path, path, describe_os_error(exc))
            return
        kind = binary_kind(head, _suffix(path))
        if kind:
            yield InputError(path, path, f"binary file ({kind})")
            return
        encoding = _bom(head)
        if encoding in ("utf-16", "utf-32"):
            text = io.TextIOWrapper(f, encoding=encoding, errors="replace")
            yield from _iter_jsonl_lines(_Utf8Lines(text), path, max_bytes)
            return
        if not head.strip():
            yield InputError(path, path, "empty file")
            return
        yield from _iter_jsonl_lines(f, path, max_bytes)
    finally:
        f.close()


class _Utf8Lines:
    """Adapts a text stream to the bytes `readline` the JSONL reader expects."""

    def __init__(self, text: io.TextIOBase) -> None:
        self.text = text

    def readline(self, limit: int = -1) -> bytes:
        return self.text.readline(limit).encode("utf-8", errors="surrogatepass")


# ---------------------------------------------------------------------------------------
# stdin


def _binary_stdin(stream: BinaryIO | io.TextIOBase | None) -> BinaryIO:
    if stream is None:
        stream = sys.stdin
    if stream is None:
        raise OSError(errno.EBADF, "no stdin")
    if isinstance(stream, io.TextIOBase):
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return buffer
        return io.BytesIO(stream.read().encode("utf-8"))
    return stream  # type: ignore[return-value]


def iter_stdin(stream: BinaryIO | None = None, *, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """stdin is JSON Lines when its first non-blank line is a JSON object, else one article."""
    try:
        binary = _binary_stdin(stream)
        lines: list[tuple[int, bytes]] = []
        size = 0
        first = b""
        while size <= max_bytes:
            raw = binary.readline(max_bytes + 1 - size)
            if isinstance(raw, str):
                raw = raw.encode("utf-8")
            if not raw:
                break
            lines.append((len(lines) + 1, raw))
            size += len(raw)
            if raw.strip(b" \t\r\n\xef\xbb\xbf"):
                first = raw
                break
        if _is_json_object(first):
            yield from _iter_jsonl_lines(binary, STDIN, max_bytes, first_lines=lines)
            return
        rest, truncated = _read_capped(binary, max(0, max_bytes - size))
        data = b"".join(raw for _, raw in lines) + rest
        if len(data) > max_bytes:
            data, truncated = data[:max_bytes], True
        yield _text_article(data, id=STDIN, source=STDIN, suffix="", truncated=truncated,
                            max_bytes=max_bytes)
    except (OSError, ValueError) as exc:
        yield InputError(STDIN, STDIN, describe_os_error(exc))


def _is_json_object(line: bytes) -> bool:
    stripped = line.strip(b" \t\r\n").removeprefix(codecs.BOM_UTF8)
    if not stripped.startswith(b"{") or not stripped.endswith(b"}"):
        return False
    try:
        return isinstance(json.loads(stripped.decode("utf-8", errors="replace")), dict)
    except (ValueError, RecursionError):
        return False


# ---------------------------------------------------------------------------------------
# Paths and folders


@dataclass
class _Entry:
    """A walk step: a file to read, or an error met while walking."""

    path: str
    id: str
    error: str | None = None


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def _wanted(name: str, rel: str, glob: str | None) -> bool:
    if glob:
        pattern = glob.rstrip("/")
        if "/" in pattern:
            return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.lstrip("*/"))
        return fnmatch.fnmatch(name, pattern)
    return _suffix(name) in ARTICLE_SUFFIXES + JSONL_SUFFIXES


def _walk(
    top: str, *, recursive: bool, glob: str | None
) -> Iterator[_Entry]:
    """Article files under `top` in sorted-path order; hidden entries skipped; loop-safe."""
    try:
        st = os.stat(top)
    except OSError as exc:
        yield _Entry(top, top, describe_os_error(exc))
        return
    ancestors: set[tuple[int, int]] = set()
    visited: set[tuple[int, int]] = set()
    yield from _walk_dir(top, "", st, recursive, glob, ancestors, visited)


def _walk_dir(
    path: str,
    rel: str,
    st: os.stat_result,
    recursive: bool,
    glob: str | None,
    ancestors: set[tuple[int, int]],
    visited: set[tuple[int, int]],
) -> Iterator[_Entry]:
    key = (st.st_dev, st.st_ino)
    ancestors.add(key)
    visited.add(key)
    try:
        try:
            with os.scandir(path) as it:
                entries = sorted((e for e in it if not e.name.startswith(".")),
                                 key=lambda e: e.name)
        except OSError as exc:
            yield _Entry(path, rel or path, describe_os_error(exc))
            return
        for entry in entries:
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            try:
                child_st = entry.stat()  # follows symlinks
            except OSError as exc:
                cause = describe_os_error(exc)
                if entry.is_symlink() and isinstance(exc, FileNotFoundError):
                    cause = "broken symlink"
                if recursive or _wanted(entry.name, child_rel, glob):
                    yield _Entry(entry.path, child_rel, cause)
                continue
            if stat.S_ISDIR(child_st.st_mode):
                if not recursive:
                    continue
                child_key = (child_st.st_dev, child_st.st_ino)
                if child_key in ancestors:
                    yield _Entry(entry.path, child_rel,
                                 "symlink loop (links back to a folder above it)")
                    continue
                if child_key in visited:
                    continue  # the same folder reached twice through a symlink: read once
                yield from _walk_dir(entry.path, child_rel, child_st, recursive, glob,
                                     ancestors, visited)
                continue
            if not _wanted(entry.name, child_rel, glob):
                continue
            if not stat.S_ISREG(child_st.st_mode):
                yield _Entry(entry.path, child_rel, "not a regular file")
                continue
            yield _Entry(entry.path, child_rel)
    finally:
        ancestors.discard(key)


def _entries(
    paths: Sequence[str], *, recursive: bool, glob: str | None
) -> Iterator[_Entry | None]:
    """Files to read for the path arguments; None stands for stdin."""
    for arg in paths or ["-"]:
        if arg == "-":
            yield None
            continue
        try:
            is_dir = os.path.isdir(arg)
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            yield from _walk(arg, recursive=recursive, glob=glob)
        else:
            yield _Entry(arg, arg)  # a named file is read whatever its suffix


def iter_inputs(
    paths: Sequence[str],
    *,
    recursive: bool = False,
    glob: str | None = None,
    stdin: BinaryIO | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Every article under `paths` ("-" or no paths: stdin), lazily; never raises for input.

    Folders give their article files (by suffix, or matching `glob`) in sorted order,
    recursing only if asked; `.jsonl`/`.ndjson` files give one Article per line, and a
    named `.json` file one Article per object (a lone object or an array).
    """
    stdin_used = False
    for entry in _entries(paths, recursive=recursive, glob=glob):
        if entry is None:
            if stdin_used:
                yield InputError(STDIN, STDIN, "stdin given more than once")
                continue
            stdin_used = True
            try:
                yield from iter_stdin(stdin, max_bytes=max_bytes)
            except Exception as exc:  # noqa: BLE001 - a record, not a traceback
                yield InputError(STDIN, STDIN, f"unreadable: {type(exc).__name__}: {exc}")
            continue
        if entry.error is not None:
            yield InputError(entry.id, entry.path, entry.error)
            continue
        try:
            if _suffix(entry.path) in JSONL_SUFFIXES:
                for item in iter_jsonl_file(entry.path, max_bytes=max_bytes):
                    if isinstance(item, InputError) and item.source == entry.path:
                        item.id = entry.id
                    yield item
            elif _suffix(entry.path) == JSON_SUFFIX:
                yield from iter_json_file(entry.path, id=entry.id, max_bytes=max_bytes)
            else:
                yield read_file(entry.path, id=entry.id, max_bytes=max_bytes)
        except (KeyboardInterrupt, GeneratorExit):
            raise
        except Exception as exc:  # noqa: BLE001 - last resort: a record, not a traceback
            yield InputError(entry.id, entry.path, f"unreadable: {type(exc).__name__}: {exc}")


def count_inputs(
    paths: Sequence[str], *, recursive: bool = False, glob: str | None = None
) -> int | None:
    """How many records `iter_inputs` will yield, for a progress bar; None if unknown (stdin).

    JSON Lines files count their non-blank lines when their total size is modest; this is
    an estimate (a bad file may yield one error instead of its lines).
    """
    total = 0
    jsonl_bytes = 0
    try:
        for entry in _entries(paths, recursive=recursive, glob=glob):
            if entry is None:
                return None
            if entry.error is None and _suffix(entry.path) in JSONL_SUFFIXES:
                try:
                    jsonl_bytes += os.path.getsize(entry.path)
                except OSError:
                    total += 1
                    continue
                if jsonl_bytes > _COUNT_JSONL_LIMIT:
                    return None
                total += _count_lines(entry.path)
            else:
                total += 1
    except Exception:  # noqa: BLE001 - a count is a nicety, never a failure
        return None
    return total


def _count_lines(path: str) -> int:
    """Non-blank lines of a file, read in 1 MB blocks (about 1 GB/s)."""
    count = 0
    try:
        with open(path, "rb") as f:
            blank = 0
            last = b"\n"
            while True:
                block = f.read(1 << 20)
                if not block:
                    break
                count += block.count(b"\n")
                blank += block.count(b"\n\n") + (block[:1] == b"\n" and last == b"\n")
                last = block[-1:]
            if last != b"\n":
                count += 1
            count -= blank
    except OSError:
        return 1
    return max(count, 1)
