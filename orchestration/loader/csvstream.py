"""A landing CSV read as chunks of records, with physical line numbers and raw text.

Two readers, one result. Lines are read in large blocks; a run of lines without any `"` is
split vectorized by pyarrow (without quotes a record is exactly one line and its fields are
the line split on the delimiter, which is what `csv` returns). From the first `"` of a block
on, Python's C `csv` module reads the next chunk of records (quotes, `""`, delimiters and newlines inside
quotes). Either way each record knows its first and last physical line (header = line 1) and a
chunk keeps its raw lines, so a bad record's original text can be given back.
"""
from __future__ import annotations

import bisect
import csv
from dataclasses import dataclass
from itertools import accumulate, chain, islice
from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

READ_BYTES = 16 << 20  # lines are read about this much at a time (~100k records)
FIELDS = pa.list_(pa.string())


class Rejected(Exception):
    """The whole file is rejected: one quarantine row with this reason. `rows_read` is None
    when the records cannot be counted (the caller then counts physical lines)."""

    def __init__(self, reason: str, raw_line: str | None = None, rows_read: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.raw_line = raw_line
        self.rows_read = rows_read


def strip_eol(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    return text[:-1] if text.endswith(("\n", "\r")) else text


@dataclass
class Records:
    fields: pa.ListArray  # list<string> of each non-blank record
    starts: np.ndarray  # first physical line of each record (its `_line`), ascending
    ends: np.ndarray  # last physical line (differs when a quoted field holds newlines)
    lines: list[str]  # the chunk's raw physical lines, the first being line `base`
    base: int

    def raw(self, start: int) -> str:
        """Original text of the record starting on line `start`, without its final break."""
        end = int(self.ends[np.searchsorted(self.starts, start)])
        return strip_eol("".join(self.lines[start - self.base:end - self.base + 1]))


def detect_delimiter(line: str) -> str:
    """`;` when it splits the header into more fields than `,`; else `,`."""
    def width(d: str) -> int:
        return len(next(csv.reader([line], delimiter=d), []))
    return ";" if width(";") > width(",") else ","


def quote_free_prefix(lines: list[str]) -> int:
    """How many leading lines contain no `"`."""
    text = "".join(lines)
    quote = text.find('"')
    return len(lines) if quote < 0 else bisect.bisect_right(list(accumulate(map(len, lines))), quote)


class CsvStream:
    def __init__(self, path: Path):
        # utf-8-sig drops a BOM; newline="" keeps `\r\n` inside quotes for csv, untouched.
        self._file = open(path, encoding="utf-8-sig", newline="")
        self._lines: list[str] = []  # lines not yet handed out in a chunk, the first = line _base
        self._base = 1
        self._pos = 0  # next unread line in _lines
        try:
            if not self._fill():
                raise Rejected("empty file (no header)")
            self.delimiter = detect_delimiter(self._lines[0])
            self.header = self._next_header()
            self.header_text = strip_eol("".join(self._lines[:self._pos]))
        except BaseException:
            self.close()
            raise

    def _fill(self) -> bool:
        block = self._file.readlines(READ_BYTES)
        self._lines.extend(block)
        return bool(block)

    def _blocks(self) -> Iterator[list[str]]:
        while True:
            known = len(self._lines)
            if not self._fill():
                return
            yield self._lines[known:]

    def _reader(self):
        """A csv reader from the next unread line on (reading on when a record needs more
        lines); its line_num counts the lines it used. csv keeps no state between records,
        so a new reader can start at any record boundary."""
        lines = chain(self._lines[self._pos:], chain.from_iterable(self._blocks()))
        return csv.reader(lines, delimiter=self.delimiter)

    def _next_header(self) -> list[str]:
        reader = self._reader()
        try:
            header = next(reader, [])
        except csv.Error as exc:
            raise Rejected(f"unreadable CSV header: {exc}") from None
        self._pos += reader.line_num
        if not header:
            raise Rejected("blank header line")
        return header

    def records(self, size: int) -> Iterator[Records]:
        """Chunks of up to `size` records. A fully empty line is no record (not counted)."""
        while True:
            if self._pos == len(self._lines):
                self._base += len(self._lines)  # all handed out: forget them
                self._lines, self._pos = [], 0
                if not self._fill():
                    return
            start = self._pos
            fast = min(quote_free_prefix(self._lines[start:]), size)
            chunk = self._split(fast) if fast else self._parse(size)
            yield Records(*chunk, self._lines[start:self._pos], self._base + start)

    def _split(self, n: int) -> tuple[pa.ListArray, np.ndarray, np.ndarray]:
        """The next n lines (no quotes among them), one record per non-blank line."""
        first = self._base + self._pos
        text = pc.utf8_rtrim(pa.array(self._lines[self._pos:self._pos + n], pa.string()), characters="\r\n")
        self._pos += n
        keep = pc.not_equal(pc.binary_length(text), 0)
        numbers = np.arange(first, first + n, dtype=np.int64)[keep.to_numpy(zero_copy_only=False)]
        return pc.split_pattern(text.filter(keep), self.delimiter), numbers, numbers

    def _parse(self, size: int) -> tuple[pa.ListArray, np.ndarray, np.ndarray]:
        """Up to `size` records read by csv from the next unread line."""
        reader = self._reader()
        rows, starts, ends, prev = [], [], [], 0
        try:
            for row in islice(reader, size):
                if row:
                    rows.append(row)
                    starts.append(prev + 1)
                    ends.append(reader.line_num)
                prev = reader.line_num
        except csv.Error as exc:  # e.g. an unclosed quote swallowing a huge field
            line = self._base + self._pos + reader.line_num - 1
            raise Rejected(f"unreadable CSV near line {line}: {exc}") from None
        offset = self._base + self._pos - 1  # reader line k = physical line offset + k
        self._pos += reader.line_num
        return (pa.array(rows, FIELDS), np.array(starts, dtype=np.int64) + offset,
                np.array(ends, dtype=np.int64) + offset)

    def count_records(self, size: int = 100_000) -> int:
        """Records left after the header (rows_read of a file rejected for its header)."""
        return sum(len(r.fields) for r in self.records(size))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "CsvStream":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
