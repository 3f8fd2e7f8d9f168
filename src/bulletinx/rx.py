"""Compiling the pipeline's fixed patterns.

Most of them are plain: literals, character classes, alternations, bounded
repeats. For those the standard library's engine is the faster one, by a
factor of 1.3 to 3 on the short stretches the pipeline hands them, a few
thousand calls a page (the third-party `regex` engine sets up more state per
call). Patterns that need what only `regex` has (variable-width look-behind,
reverse search, Unicode properties other than the Han script) stay with it.

``plain(pattern)`` compiles a pattern with the standard library, writing
``\\p{Han}`` as the Han script's ranges, so that both engines read the
pattern the same way.

>>> plain(r"\\p{Han}{1,3}局").findall("县公安局、市统计局, A局")
['县公安局', '市统计局']
"""
from __future__ import annotations

import re

# The Han script, as the `regex` engine's \\p{Han} has it (Unicode 15.1):
# radicals, 々, 〇, 〡-〩, 〸-〻, the unified ideographs and their extensions A to I,
# the compatibility ideographs, and two ideographic marks.
HAN_RANGES: tuple[tuple[int, int], ...] = (
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x3005, 0x3005), (0x3007, 0x3007),
    (0x3021, 0x3029), (0x3038, 0x303B), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
    (0xFA70, 0xFAD9), (0x16FE2, 0x16FE3), (0x16FF0, 0x16FF6), (0x20000, 0x2A6DF), (0x2A700, 0x2B81E),
    (0x2B820, 0x2CEAD), (0x2CEB0, 0x2EBE0), (0x2EBF0, 0x2EE5D), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    (0x31350, 0x33479),
)
# The ranges as the inside of a character class.
HAN = "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in HAN_RANGES)
# White space as the `regex` engine's \s has it (Unicode's White_Space). The
# standard library's \s also takes the separators \x1c-\x1f, which text taken
# from PDFs can hold, so it is spelled out too.
SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def plain(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled by the standard library, ``\\p{Han}`` included."""
    return re.compile(_spell(pattern), flags)


def _spell(pattern: str) -> str:
    r"""``\p{Han}``, ``\s`` and ``\S`` written out as the `regex` engine reads
    them: a class of their own outside brackets, the bare ranges inside them
    (``[\p{Han}A-Z]``).

    >>> _spell(r"[^\p{Han}]x\p{Han}+") == f"[^{HAN}]x[{HAN}]+"
    True
    >>> _spell(r"\s*[\s,]\S") == f"[{SPACE}]*[{SPACE},][^{SPACE}]"
    True
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        if pattern.startswith(r"\p{Han}", i):
            out.append(HAN if in_class else f"[{HAN}]")
            i += 7
            continue
        c = pattern[i]
        if c == "\\":
            escape = pattern[i:i + 2]
            if escape == r"\s":
                out.append(SPACE if in_class else f"[{SPACE}]")
            elif escape == r"\S":
                if in_class:
                    raise ValueError(f"\\S inside brackets has no plain spelling: {pattern!r}")
                out.append(f"[^{SPACE}]")
            else:
                out.append(escape)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
            # A ] right after [ or [^ is a member, not the end.
            j = i + 1 + (pattern[i + 1:i + 2] == "^")
            if pattern[j:j + 1] == "]":
                out.append(pattern[i:j + 1])
                i = j + 1
                continue
        elif c == "]" and in_class:
            in_class = False
        out.append(c)
        i += 1
    return "".join(out)
