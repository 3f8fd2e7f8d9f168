"""One canonical form of the text for matching, with offsets back to the original.

Full-width forms become half-width and traditional characters simplified, one
character for one, so offsets survive those. Numbers broken by a line wrap in
text taken from PDFs (``1\\n080元``) are joined, which removes characters: the
offset map accounts for each removal.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import cache

import numpy as np
import regex

from .rx import plain

# The full-width comma stays: it separates clauses, and `56，125家` is two
# figures where `56,125家` would be one.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if c != 0xFF0C}
_FULLWIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20})
# Dashes that mean "to" in ranges all behave like one.
_FULLWIDTH.update({0x2014: 0x2014, 0x2013: 0x2014, 0x2015: 0x2014, 0x2012: 0x2014, 0xFE63: 0x2D})

_TABLE = np.arange(0x10000, dtype=np.uint32)
for _c, _h in _FULLWIDTH.items():
    _TABLE[_c] = _h


def halfwidth(text: str) -> str:
    """Full-width forms to half-width (the comma `，` kept), other dashes to `—`.

    >>> halfwidth("１２３％，（３）")
    '123%，(3)'
    """
    if text.isascii():
        return text
    # One table lookup a character (numpy), not a dict lookup a character
    # (str.translate): several times faster on a page.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    mapped = np.where(codes < 0x10000, _TABLE[codes & 0xFFFF], codes)
    return mapped.tobytes().decode("utf-32-le", "surrogatepass")


# A digit, a line break (possibly with spaces), a digit, where the line before
# carries running text: the break cut a number in two.
_WRAPPED_NUMBER = regex.compile(r"(?<=[\p{Han}，,、：:（(][^\n]{0,200}\d\.?)[ \t]*\n[ \t]*(?=\.?\d{1,3}(?:[.,]\d|\d{0,3}\p{Han}|%))")


# Pinyin glosses that some sites print after characters: 培訓(xùn), 萬(wàn).
_PINYIN_GLOSS = r"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
_REMOVABLE = regex.compile(_WRAPPED_NUMBER.pattern + "|" + _PINYIN_GLOSS)
# Chinese typesetting never starts a line with closing punctuation. Text
# wrapped at a fixed width by a tool that ignored that rule puts the comma or
# full stop ending one line at the head of the next: on such a page (most of
# its lines begin so) each of those line breaks is removed.
_CLOSING = ",，、。;；:：!?！？)）”’」』】》"
_LINE_OPENS_WITH_CLOSING = plain(r"\n[ \t\u3000]*[" + regex.escape(_CLOSING) + "]")
_BREAK_BEFORE_CLOSING = r"\n[ \t\u3000]*(?=[" + regex.escape(_CLOSING) + "])"
_REMOVABLE_REWRAPPED = regex.compile(_REMOVABLE.pattern + "|" + _BREAK_BEFORE_CLOSING)


def _wrapped_before_punctuation(text: str) -> bool:
    """Most lines (at least four) begin with closing punctuation."""
    first = text.lstrip(" \t\u3000\n")[:1]
    opening = len(_LINE_OPENS_WITH_CLOSING.findall(text)) + (first != "" and first in _CLOSING)
    if opening < 4:
        return False
    lines = sum(1 for line in text.split("\n") if line.strip())
    return opening * 2 > lines


@cache
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - declared dependency
        return None
    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """Traditional to simplified, one character for one so that offsets hold.

    >>> simplify("衡陽縣公安局破獲案件")
    '衡阳县公安局破获案件'
    """
    conv = _t2s()
    if conv is None:
        return text
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    # A phrase mapping changed the length somewhere: convert char by char.
    return "".join(c2 if len(c2 := conv.convert(c)) == 1 else c for c in text)


class Normalized:
    """Normalized text plus the map back to offsets in the original."""

    __slots__ = ("original", "text", "_removed")

    def __init__(self, original: str):
        self.original = original
        text = simplify(halfwidth(original))
        removed: list[int] = []
        if "\n" in text or "(" in text:
            pieces, last = [], 0
            removable = _REMOVABLE_REWRAPPED if _wrapped_before_punctuation(text) else _REMOVABLE
            for m in removable.finditer(text):
                pieces.append(text[last:m.start()])
                removed.extend(range(m.start(), m.end()))
                last = m.end()
            if removed:
                pieces.append(text[last:])
                text = "".join(pieces)
        self.text = text
        # _removed[i] is the original offset of the i-th removed character;
        # a normalized offset n maps to n plus the removals before it.
        self._removed = [r - i for i, r in enumerate(removed)]

    def to_original(self, pos: int) -> int:
        """Original offset of normalized offset `pos` (start of a span)."""
        if not self._removed:
            return pos
        return pos + bisect_right(self._removed, pos)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end)."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize(text: str) -> Normalized:
    """>>> n = normalize("工资１\\n080元，")
    >>> n.text
    '工资1080元，'
    >>> n.span(2, 7), n.original[2:8]
    ((2, 8), '１\\n080元')
    """
    return Normalized(text)
