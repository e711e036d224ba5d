"""One binary pass over a landing file: content hash (incremental loading) and whether the
bytes are UTF-8 text at all (a binary or mis-encoded file is rejected whole, before parsing,
so no partial rows of it are ever written)."""
from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

BLOCK = 4 << 20
NL = b"\n"


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    size: int
    problem: str | None  # why the file is not readable UTF-8 text; None when it is


def stat_signature(path: Path) -> str | None:
    """The file-system signature of a file's content (size, mtime, ctime, inode, device: the
    stat fields git's index trusts); None when it cannot be stat'ed. Any write to the file
    moves its ctime, which no tool can set back: an unchanged signature means unchanged bytes
    since it was taken (the loader's and the publish's hash reuse rest on it)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"


def sha256(path: Path) -> str:
    """The content hash alone: enough to skip a file loaded before (about half the time of a
    fingerprint, which also decodes the bytes)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(path: Path) -> Fingerprint:
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    problem, size, line = None, 0, 1
    with open(path, "rb") as f:
        while block := f.read(BLOCK):
            digest.update(block)
            size += len(block)
            if problem is None:
                problem = _check(block, decoder, line)
                line += block.count(NL)
    if problem is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            problem = f"not valid UTF-8: truncated character at end of file (line {line})"
    return Fingerprint(digest.hexdigest(), size, problem)


def _check(block: bytes, decoder, line: int) -> str | None:
    nul = block.find(b"\x00")
    if nul >= 0:
        return f"binary file, not CSV text: NUL byte on line {line + block.count(NL, 0, nul)}"
    if block.isascii() and not decoder.getstate()[0]:
        return None  # fast path: ASCII needs no decoding
    pending = len(decoder.getstate()[0])  # bytes of a character cut by the previous block
    try:
        decoder.decode(block)
    except UnicodeDecodeError as exc:
        bad = max(exc.start - pending, 0)
        return f"not valid UTF-8: undecodable byte on line {line + block.count(NL, 0, bad)}"
    return None


def count_data_lines(path: Path) -> int:
    """Non-blank physical lines after the first: rows_read of a file that cannot be parsed."""
    with open(path, "rb") as f:
        lines = sum(1 for raw in f if raw.strip(b"\r\n"))
        f.seek(0)
        first_blank = not f.readline().strip(b"\r\n")
    return max(lines - (0 if first_blank else 1), 0)
