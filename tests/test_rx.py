"""Patterns compiled by the standard library read \\p{Han}, \\s and \\S as the regex engine does."""
import regex

from bulletinx.rx import HAN, HAN_RANGES, _spell, plain


def test_han_ranges_are_the_han_script():
    ours = {c for a, b in HAN_RANGES for c in range(a, b + 1)}
    assert all(regex.match(r"\p{Han}", chr(c)) for c in ours)
    # Every Han character of the Basic Multilingual Plane, where bulletins' text lies, is in.
    bmp = {c for c in range(0x2E80, 0x10000) if 0xD800 > c or c > 0xDFFF if regex.match(r"\p{Han}", chr(c))}
    assert bmp <= ours


def test_han_inside_and_outside_brackets():
    assert _spell(r"\p{Han}{2}") == f"[{HAN}]{{2}}"
    assert _spell(r"[\p{Han}A-Za-z]+") == f"[{HAN}A-Za-z]+"
    assert _spell(r"[^\p{Han}]") == f"[^{HAN}]"
    # A ] first in a class is a member; an escaped bracket opens nothing.
    assert _spell(r"[]\p{Han}]") == f"[]{HAN}]"
    assert _spell(r"\[\p{Han}\]") == rf"\[[{HAN}]\]"


def test_plain_matches_what_regex_matches():
    text = "县公安局、〇〇七号、𠀋字、ABC局、々局、市统计局。"
    for pattern in (r"\p{Han}{1,3}局", r"[\p{Han}A-Z]+", r"[^\p{Han}、。]+"):
        assert [m.span() for m in plain(pattern).finditer(text)] == \
               [m.span() for m in regex.finditer(pattern, text)]


def test_white_space_is_the_regex_engines():
    every = "".join(chr(c) for c in range(0x3100) if not 0xD800 <= c <= 0xDFFF)
    for pattern in (r"\s", r"\S", r"[\s,]", r"[^\s]"):
        assert [m.start() for m in plain(pattern).finditer(every)] == \
               [m.start() for m in regex.finditer(pattern, every)], pattern


def test_no_plain_spelling_for_non_space_inside_brackets():
    import pytest

    with pytest.raises(ValueError):
        plain(r"[\S,]")


def test_digits_are_the_regex_engines_across_the_basic_plane():
    import re

    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF)
    assert [m.start() for m in re.finditer(r"\d", every)] == [m.start() for m in regex.finditer(r"\d", every)]
