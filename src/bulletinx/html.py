"""Web pages into the article's text: headline and main text, without the site's furniture.

trafilatura does the main-text detection: it scores the page's blocks and
falls back to readability and jusText, which hand-written tag stripping
cannot match on the variety of government sites. It works on the string it is
given and fetches nothing.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Optional

from .errors import InputError
from .reading import decode, unify_newlines

# trafilatura and its helpers log each page they find little in; the CLI
# reports that itself, in one line.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: Optional[str]
    date: Optional[dt.date]
    encoding: str
    url: Optional[str] = None  # the page's own address (canonical link, og:url), when it names one


def looks_like_html(head: bytes) -> bool:
    """Sniff the first bytes of a file without an extension that says.

    >>> looks_like_html(b"\\xef\\xbb\\xbf<!DOCTYPE html><html>")
    True
    >>> looks_like_html("今年以来<b>".encode())
    False
    """
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<meta")):
        return True
    return start.startswith(b"<") and (b"<html" in head[:4096].lower() or b"<body" in head[:4096].lower())


def page_text(data: bytes, name: str) -> Page:
    """The headline and main text of an HTML page, one paragraph a line.

    The headline comes first when the main text does not already start with
    it: the place in a headline is what many pages' figures belong to.
    """
    from trafilatura import bare_extraction

    markup = decode(data, name)
    html = markup.text
    if not html.strip():
        return Page("", None, None, markup.encoding)
    # lxml refuses a str that still declares its byte encoding.
    if html.lstrip().startswith("<?xml"):
        html = html[html.find("?>") + 2:]
    try:
        doc = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True,
                              include_images=False, include_links=False, deduplicate=False)
    except Exception as e:  # a parser failure is this page's problem, not the run's
        raise InputError(name, f"HTML could not be parsed ({type(e).__name__})") from None
    if doc is None:
        raise InputError(name, "no article text found in the HTML page")
    body = _clean(getattr(doc, "text", None) or "")
    title = _clean(getattr(doc, "title", None) or "") or None
    if not body:
        raise InputError(name, "no article text found in the HTML page")
    text = body
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}"
    url = (getattr(doc, "url", None) or "").strip()
    return Page(text, title, _date(getattr(doc, "date", None)), markup.encoding,
                url if url.startswith(("http://", "https://")) else None)


def _clean(text: str) -> str:
    lines = (line.strip() for line in unify_newlines(text).replace("\u00a0", " ").split("\n"))
    return "\n".join(line for line in lines if line)


def _date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
