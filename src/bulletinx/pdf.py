"""E-paper PDF pages into text: one paragraph a line, text blocks in the order the layout gives.

pdfminer.six reads the text layer, CJK CMaps included, and groups characters
into lines and blocks. A newspaper page's columns then come out as blocks in
layout order: a paragraph cut at the foot of a column and its rest standing
elsewhere, as on any e-paper page. Putting them back together is the
segmenter's work, which judges cuts by what the text says; this module keeps
the blocks whole and in order and only undoes the line wraps inside them.
"""
from __future__ import annotations

import logging
from io import BytesIO

from .errors import InputError

logging.getLogger("pdfminer").setLevel(logging.ERROR)


def looks_like_pdf(head: bytes) -> bool:
    """
    >>> looks_like_pdf(b"%PDF-1.4\\n")
    True
    """
    return head[:1024].lstrip().startswith(b"%PDF-")


def pdf_text(data: bytes, name: str) -> str:
    """The text of every page; blocks separated by a blank line, pages by two."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextBox
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    if not data.strip():
        return ""
    if not looks_like_pdf(data):
        raise InputError(name, "not a PDF file (no %PDF- header)")
    pages: list[str] = []
    try:
        for layout in extract_pages(BytesIO(data), laparams=_layout_params()):
            boxes = [box for box in layout if isinstance(box, LTTextBox)]
            blocks = (_block_text(box) for box in in_columns(boxes))
            pages.append("\n\n".join(b for b in blocks if b))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(name, "encrypted PDF; cannot read its text") from None
    except (PDFSyntaxError, PSException) as e:
        raise InputError(name, f"damaged or not a PDF ({_reason(e)})") from None
    except Exception as e:  # pdfminer raises many kinds on broken files
        raise InputError(name, f"damaged PDF ({_reason(e)})") from None
    text = "\n\n\n".join(p for p in pages if p)
    if not text.strip():
        raise InputError(name, "no text layer in the PDF (a scanned image?)")
    return text


def in_columns(boxes: list) -> list:
    """Blocks column by column, left to right, each column top to bottom.

    A newspaper page is read down its columns; a headline stands in the
    column where it starts, above its text. An article that runs on into the
    next column is then cut at the column's foot, and what stands below it in
    the same column (another article, often) comes before its rest: the cut
    and shuffled shape that the segmenter rejoins.
    """
    if not boxes:
        return []
    heights = sorted(ln.height for box in boxes for ln in box if hasattr(ln, "height")) or [10.0]
    tolerance = 2 * heights[len(heights) // 2]
    starts: list[float] = []
    for x0 in sorted(box.x0 for box in boxes):
        if not starts or x0 - starts[-1] > tolerance:
            starts.append(x0)
    # Column of a block: the nearest column start at or left of its edge.
    from bisect import bisect_right

    def column(box) -> int:
        return max(0, bisect_right(starts, box.x0 + tolerance / 2) - 1)

    return sorted(boxes, key=lambda b: (column(b), -b.y1, b.x0))


def _reason(e: Exception) -> str:
    message = " ".join(str(e).split())[:80]
    return f"{type(e).__name__}: {message}" if message else type(e).__name__


def _block_text(box) -> str:
    """Lines of a block rejoined into paragraphs.

    A paragraph starts where a line is indented (Chinese typesetting indents
    the first line by two characters) or where the line before stopped short
    of the column's right edge.
    """
    from pdfminer.layout import LTTextLine

    lines = [ln for ln in box if isinstance(ln, LTTextLine)]
    paragraphs: list[list[str]] = []
    prev_short = True
    for ln in lines:
        raw = ln.get_text().rstrip("\n")
        text = raw.strip()
        if not text:
            continue
        size = max(ln.height, 1.0)
        indented = ln.x0 - box.x0 > 1.2 * size
        if not paragraphs or indented or prev_short:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        prev_short = box.x1 - ln.x1 > 1.5 * size
    return "\n".join(_join(p) for p in paragraphs)


def _join(parts: list[str]) -> str:
    """Wrapped lines as one: CJK joins without a space, Latin words with one.

    >>> _join(["破获涉毒案件", "65起,刑事拘留", "97人。"])
    '破获涉毒案件65起,刑事拘留97人。'
    >>> _join(["the county", "police"])
    'the county police'
    """
    out = parts[0]
    for part in parts[1:]:
        if out[-1:].isascii() and out[-1:].isalpha() and part[:1].isascii() and part[:1].isalpha():
            out += " " + part
        else:
            out += part
    return out


def _layout_params():
    from pdfminer.layout import LAParams

    # Newspaper columns set lines about 1.5 line heights apart and leave a
    # gutter of a character or two: lines closer than that form one block, and
    # characters further apart than one character's width are different columns.
    return LAParams(line_margin=0.8, char_margin=1.0, boxes_flow=None)
