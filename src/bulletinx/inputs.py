"""What `bulletinx extract` is given, as a lazy sequence of documents.

Names expand to files (folders recursively, glob patterns), each file is of
one kind — text, HTML page, PDF page or a JSON Lines stream of documents —
and every document becomes a `Task`, cheap to send to a worker process. A
problem found on the way (a missing file, a bad stream line) becomes a
`Problem` in the same sequence, so that it is reported where it occurs and
the rest goes on.

Nothing here holds more than one stream line or one file name list in memory:
a stream of any size is read a line at a time.
"""
from __future__ import annotations

import datetime as dt
import glob
import gzip
import io
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional, Union

import orjson

from .errors import InputError
from .reading import decode, read_bytes, unify_newlines

TEXT, HTML, PDF, STREAM, DOC = "text", "html", "pdf", "stream", "doc"

_EXTENSIONS = {
    ".txt": TEXT, ".text": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".pdf": PDF,
    ".jsonl": STREAM, ".ndjson": STREAM, ".jsonlines": STREAM,
}
_GZIP_STREAMS = (".jsonl.gz", ".ndjson.gz", ".jsonlines.gz")


@dataclass(slots=True)
class Task:
    """One document to extract: a file to read, bytes from stdin, or a stream document's text."""

    name: str  # `doc` in the records: the file as named, or the stream document's id
    kind: str  # TEXT, HTML, PDF or DOC (a stream document, text given)
    size: int  # bytes of input it stands for: batching and progress
    path: Optional[str] = None
    data: Optional[bytes] = None
    text: Optional[str] = None
    date: Optional[dt.date] = None
    region: Optional[str] = None
    where: Optional[str] = None  # file:line of a stream document, for its problems
    url: Optional[str] = None  # a stream document's url


@dataclass(slots=True)
class Problem:
    """Something skipped: printed as `bulletinx: <where>: <message>`."""

    where: str
    message: str
    size: int = 0

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def reason(self) -> str:
        return reason_of(self.message)


Item = Union[Task, Problem]


@dataclass(slots=True)
class Source:
    """A named input after expansion: one file (or stdin) of a known kind."""

    name: str
    kind: str  # TEXT, HTML, PDF, STREAM, or "" when only the content can tell
    size: int = 0


@dataclass
class Expansion:
    sources: list[Union[Source, Problem]] = field(default_factory=list)
    ignored: Counter = field(default_factory=Counter)  # extension -> files left out of folder walks

    @property
    def total_bytes(self) -> int:
        """Bytes to read, for the progress bar; 0 (unknown) when a compressed stream is among them."""
        files = [s for s in self.sources if isinstance(s, Source)]
        if any(s.name == "-" or s.name.lower().endswith(_GZIP_STREAMS) for s in files):
            return 0
        return sum(s.size for s in files)

    def many_documents(self) -> bool:
        files = [s for s in self.sources if isinstance(s, Source)]
        return len(files) > 1 or any(s.kind == STREAM for s in files)


def kind_of(name: str) -> str:
    """The kind a file's name says, or "" when its content must tell.

    >>> kind_of("crawl/a.HTM"), kind_of("dump.jsonl.gz"), kind_of("page.asp")
    ('html', 'stream', '')
    """
    lower = name.lower()
    if lower.endswith(_GZIP_STREAMS):
        return STREAM
    return _EXTENSIONS.get(os.path.splitext(lower)[1], "")


def _is_glob(name: str) -> bool:
    return any(c in name for c in "*?[")


def expand(names: Iterable[str]) -> Expansion:
    """Files in a stable order: as named; a folder's files sorted by path; a glob's matches sorted.

    Inside folders only files of a known kind are taken (a crawl also holds
    images and style sheets); a file named on its own is always read.
    """
    out = Expansion()
    for name in names:
        if name == "-":
            out.sources.append(Source("-", ""))
        elif os.path.isdir(name):
            before = len(out.sources)
            _walk(name, out)
            if len(out.sources) == before:
                out.sources.append(Problem(name, "folder holds no text, HTML, PDF or JSON Lines files"))
        elif not os.path.lexists(name) and _is_glob(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                out.sources.append(Problem(name, "no file matches the pattern"))
            for m in matches:
                if os.path.isdir(m):
                    _walk(m, out)
                else:
                    out.sources.append(source(m))
        else:
            out.sources.append(source(name))
    return out


def source(path: str) -> Source:
    """One named file (or `-`), its kind from its name."""
    if path == "-":
        return Source("-", "")
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0
    return Source(path, kind_of(path), size)


def _walk(top: str, out: Expansion) -> None:
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            path = os.path.join(root, f)
            if kind_of(f):
                out.sources.append(source(path))
            else:
                out.ignored[os.path.splitext(f)[1].lower() or "(no extension)"] += 1


# ---------------------------------------------------------------- sources into documents

def items(expansion: Expansion, stdin: Optional[BinaryIO] = None) -> Iterator[Item]:
    """Every document of every source, lazily, in input order."""
    for src in expansion.sources:
        if isinstance(src, Problem):
            yield src
        elif src.name == "-":
            yield from _stdin_items(stdin if stdin is not None else sys.stdin.buffer)
        else:
            kind = src.kind or _sniff_file(src.name)
            if kind == STREAM:
                yield from stream_items(src.name)
            else:
                yield Task(src.name, kind, max(src.size, 1), path=src.name)


def _sniff_file(name: str) -> str:
    # Unreadable files are left to the worker, which says why in its words.
    try:
        with open(name, "rb") as f:
            return sniff(f.read(65536))
    except OSError:
        return ""


def _stdin_items(f: BinaryIO) -> Iterator[Item]:
    head = f.read(65536)
    kind = sniff(head)
    if kind == STREAM:
        yield from stream_items_from(_Prefixed(head, f), "-")
        return
    data = head + f.read()
    yield Task("-", kind or TEXT, max(len(data), 1), data=data)


def sniff(head: bytes) -> str:
    """The kind of content whose name does not say: PDF, HTML, a JSON Lines stream, else text."""
    from .html import looks_like_html
    from .pdf import looks_like_pdf

    if looks_like_pdf(head):
        return PDF
    if looks_like_html(head):
        return HTML
    first = head.lstrip(b"\xef\xbb\xbf \t\r\n").split(b"\n", 1)[0]
    if first.startswith(b"{"):
        try:
            obj = orjson.loads(first)
        except orjson.JSONDecodeError:
            return TEXT
        if isinstance(obj, dict) and "text" in obj:
            return STREAM
    return TEXT


class _Prefixed(io.RawIOBase):
    """Bytes already read, then the rest of the file: a peeked-at pipe read as one."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        if self._head:
            n = min(len(buf), len(self._head))
            buf[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        chunk = self._rest.read(len(buf))
        buf[:len(chunk)] = chunk
        return len(chunk)


def stream_items(name: str) -> Iterator[Item]:
    """The documents of a JSON Lines file, one line at a time."""
    try:
        if name.lower().endswith(_GZIP_STREAMS):
            raw: BinaryIO = gzip.open(name, "rb")  # type: ignore[assignment]
        else:
            raw = open(name, "rb")
    except FileNotFoundError:
        yield Problem(name, "no such file")
        return
    except IsADirectoryError:
        yield Problem(name, "is a directory, not a file")
        return
    except PermissionError:
        yield Problem(name, "permission denied")
        return
    except OSError as e:
        yield Problem(name, f"cannot be read ({e.strerror or e})")
        return
    with raw:
        try:
            yield from stream_items_from(raw, name)
        except (OSError, EOFError) as e:  # a truncated .gz, a failing disk
            yield Problem(name, f"reading stopped early ({getattr(e, 'strerror', None) or e})")


def stream_items_from(raw, name: str) -> Iterator[Item]:
    """The documents of an open binary stream (a file, a pipe), read a line at a time."""
    reader = io.BufferedReader(raw, 1 << 20) if not isinstance(raw, io.BufferedIOBase) else raw
    head = reader.peek(4)[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        lines: Iterator = (line.encode("utf-8") for line in io.TextIOWrapper(reader, encoding="utf-16", newline="\n"))
    else:
        if head.startswith(b"\xef\xbb\xbf"):
            reader.read(3)
        lines = iter(reader)
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        yield parse_line(line, name, number, seen)


def parse_line(line: bytes, name: str, number: int, seen: dict[str, int]) -> Item:
    """One stream line into a Task, or the Problem that says why not.

    >>> parse_line(b'{"id": "a1", "text": "\\xe5\\x88\\x91\\xe6\\x8b\\x989\\xe4\\xba\\xba", "date": "2022-12-15"}', "s.jsonl", 1, {}).date
    datetime.date(2022, 12, 15)
    >>> str(parse_line(b'{"id": "a1"', "s.jsonl", 7, {}))
    's.jsonl:7: not valid JSON (unexpected end of data)'
    """
    where = f"{name}:{number}"
    size = len(line)
    try:
        obj = orjson.loads(line)
    except orjson.JSONDecodeError as e:
        obj = _json_in_other_encoding(line)
        if obj is None:
            return Problem(where, f"not valid JSON ({_json_reason(e)})", size)
    if not isinstance(obj, dict):
        return Problem(where, "not a JSON object with \"id\" and \"text\"", size)
    doc_id = obj.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)) or doc_id == "":
        return Problem(where, "no \"id\" (a string or a number)" if doc_id is None else "\"id\" is not a string or a number", size)
    doc_id = str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        return Problem(where, "no \"text\"" if text is None else "\"text\" is not a string", size)
    for key in ("url", "title", "region"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return Problem(where, f"\"{key}\" is not a string", size)
    date = None
    if obj.get("date") is not None:
        date = _date(obj["date"])
        if date is None:
            return Problem(where, f"\"date\" {str(obj['date'])[:30]!r} is not a date (YYYY-MM-DD)", size)
    if doc_id in seen:
        return Problem(where, f"id {doc_id!r} already used on line {seen[doc_id]}; skipped", size)
    seen[doc_id] = number
    return Task(doc_id, DOC, max(size, 1), text=unify_newlines(text), date=date,
                region=obj.get("region") or None, where=where, url=obj.get("url") or None)


def _json_in_other_encoding(line: bytes):
    # orjson reads UTF-8 only; a GBK export is still JSON once decoded.
    try:
        return orjson.loads(line.decode("gb18030"))
    except (UnicodeDecodeError, orjson.JSONDecodeError):
        return None


def _json_reason(e: orjson.JSONDecodeError) -> str:
    msg = str(e.msg) if hasattr(e, "msg") else str(e)
    return msg.split(":", 1)[0].strip().lower() or "syntax error"


def _date(value) -> Optional[dt.date]:
    """A date as crawlers write it: 2022-12-15, with a time after it or not.

    >>> _date("2022-12-15 08:30:00"), _date("2022/12/15"), _date("yesterday")
    (datetime.date(2022, 12, 15), datetime.date(2022, 12, 15), None)
    """
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10].replace("/", "-"))
    except ValueError:
        return None


# ---------------------------------------------------------------- documents into text

@dataclass(frozen=True, slots=True)
class Text:
    text: str  # what the offsets of the records count in
    date: Optional[dt.date] = None  # the document's own date, when it carries one
    url: Optional[str] = None  # the document's own address, when it carries one


def document_text(task: Task) -> Text:
    """The text a document's records point into; InputError when there is none to be had."""
    if task.kind == DOC:
        return Text(task.text or "", task.date)
    data = task.data if task.data is not None else read_bytes(task.name, Path(task.path or task.name))
    kind = task.kind or sniff(data[:65536])
    if kind == PDF:
        from .pdf import pdf_text

        return Text(pdf_text(data, task.name))
    if kind == HTML:
        from .html import page_text

        page = page_text(data, task.name)
        return Text(page.text, page.date, page.url)
    if kind == STREAM:
        raise InputError(task.name, "is a JSON Lines stream; name one document with --id")
    return Text(decode(data, task.name).text)


# ---------------------------------------------------------------- the summary's words for problems

_REASONS = (
    ("no such file", "missing"),
    ("no file matches", "no match"),
    ("permission denied", "unreadable"),
    ("cannot be read", "unreadable"),
    ("reading stopped early", "unreadable"),
    ("is a directory", "a folder"),
    ("folder holds no", "empty folder"),
    ("binary file", "binary"),
    ("not valid UTF-8", "undecodable"),
    ("byte-order mark", "undecodable"),
    ("encrypted PDF", "encrypted PDF"),
    ("no text layer", "PDF without text"),
    ("PDF", "damaged PDF"),
    ("no article text", "HTML without article text"),
    ("HTML", "unparsable HTML"),
    ("not valid JSON", "bad JSON line"),
    ("already used on line", "duplicate id"),
    ("JSON Lines stream", "stream named without --id"),
    ("\"", "bad stream document"),
)


def reason_of(message: str) -> str:
    """A problem's kind, in the words of the run's summary.

    >>> reason_of("not valid JSON (unexpected character)")
    'bad JSON line'
    """
    for needle, reason in _REASONS:
        if needle in message:
            return reason
    return "other"
