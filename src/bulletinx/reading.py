"""Bytes into text: files, stdin, and the encodings Chinese bulletins come in."""
from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that never occur in text; a few of them mean a binary file.
_CONTROL = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31}


@dataclass(frozen=True, slots=True)
class Document:
    name: str  # as the user named it (`-` for stdin)
    text: str
    encoding: str


def decode(data: bytes, name: str) -> Document:
    """Decode bytes, detecting UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK.

    >>> decode("破获案件65起".encode("gbk"), "a.txt").text
    '破获案件65起'
    >>> decode(b"\\xef\\xbb\\xbf" + "刑拘9人".encode(), "b.txt").encoding
    'utf-8-sig'
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return Document(name, unify_newlines(data.decode(enc)), enc)
            except UnicodeDecodeError as err:
                raise InputError(name, f"starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()} (byte {err.start})") from None
    if b"\x00" in data[:4096]:
        raise InputError(name, "binary file (contains NUL bytes), not text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, enc = data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as err:
            raise InputError(name, f"not valid UTF-8, GB18030/GBK or UTF-16 text (undecodable byte at {err.start})") from None
    text = unify_newlines(text)
    sample = text[:4096]
    if sample and sum(ord(c) in _CONTROL for c in sample) > max(2, len(sample) // 100):
        raise InputError(name, "binary file (control bytes), not text")
    return Document(name, text, enc)


def unify_newlines(text: str) -> str:
    r"""CRLF and CR line ends as LF, the form offsets count in.

    >>> unify_newlines("a\r\nb\rc")
    'a\nb\nc'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_path(name: str) -> Document:
    """Read one named input; `-` is standard input. Raises InputError with a one-line reason."""
    if name == "-":
        return decode(sys.stdin.buffer.read(), "-")
    return decode(read_bytes(name), name)


def read_bytes(name: str, path: Path | None = None) -> bytes:
    """The bytes of a file, or InputError saying in a few words why not."""
    path = Path(name) if path is None else path
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, not a file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as err:
        raise InputError(name, f"cannot be read ({err.strerror or err})") from None


def sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text: what `doc_sha256` in a record says.

    >>> sha256("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
