"""CsvStream (vectorized split of quote-free lines, csv module from the first quote on) reads
exactly what a plain csv.reader reads: same records, first/last physical lines, raw text."""
from __future__ import annotations

import csv
import io
import random

import pytest

import orchestration.loader.csvstream as csvstream
from orchestration.loader.csvstream import CsvStream, strip_eol


def reference(text: str, delimiter: str) -> list[tuple]:
    """(first line, last line, fields, raw text) of every non-blank record after the header."""
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter)
    next(reader)
    out, prev = [], reader.line_num
    for row in reader:
        if row:
            out.append((prev + 1, reader.line_num, row, strip_eol("".join(lines[prev:reader.line_num]))))
        prev = reader.line_num
    return out


def streamed(path, size: int) -> list[tuple]:
    out = []
    with CsvStream(path) as stream:
        for recs in stream.records(size):
            for fields, start, end in zip(recs.fields.to_pylist(), recs.starts, recs.ends):
                out.append((int(start), int(end), fields, recs.raw(int(start))))
    return out


def random_csv(rnd: random.Random, delimiter: str, rows: int) -> str:
    eol = rnd.choice(["\n", "\r\n"])
    plain = ["abc", "", "  ", "1234,50", "x;y" if delimiter == "," else "x,y", "é€", "12k", "a b"]
    quoted = ['"q' + delimiter + 'd"', '"say ""hi"""', '"two\nlines"', '"crlf\r\ninside"', '""', '"3\n\nlines"']
    out = ["h1" + delimiter + "h2" + delimiter + "h3" + eol]
    for _ in range(rows):
        kind = rnd.random()
        if kind < 0.1:
            out.append(eol)  # blank line
            continue
        width = 3 if kind < 0.85 else rnd.choice([1, 2, 4])  # some wrong field counts
        in_quotes = rnd.random() < 0.2  # quotes come in runs, as in real files
        fields = [rnd.choice(quoted if in_quotes and rnd.random() < 0.5 else plain) for _ in range(width)]
        out.append(delimiter.join(fields) + eol)
    if rnd.random() < 0.5:
        out[-1] = out[-1].rstrip("\r\n")  # no final newline
    return "".join(out)


@pytest.mark.parametrize("seed", range(12))
def test_stream_equals_plain_csv_reader(tmp_path, monkeypatch, seed):
    rnd = random.Random(seed)
    monkeypatch.setattr(csvstream, "READ_BYTES", rnd.choice([1, 40, 200, 1 << 20]))  # tiny blocks too
    delimiter = rnd.choice([",", ";"])
    text = random_csv(rnd, delimiter, rows=rnd.choice([1, 5, 60, 400]))
    path = tmp_path / "f.csv"
    path.write_bytes(text.encode("utf-8"))
    assert streamed(path, size=rnd.choice([1, 3, 7, 1000])) == reference(text, delimiter)


def test_quote_free_file_uses_the_vectorized_split_and_quoted_lines_use_csv(tmp_path, monkeypatch):
    calls = {"split": 0, "parse": 0}
    for name in calls:
        real = getattr(CsvStream, f"_{name}")

        def spy(self, n, _real=real, _name=name):
            calls[_name] += 1
            return _real(self, n)

        monkeypatch.setattr(CsvStream, f"_{name}", spy)
    path = tmp_path / "f.csv"
    path.write_text("a;b\n1;2\n3;4\n" + '"5";6\n7;8\n', newline="")
    assert [r[2] for r in streamed(path, 100)] == [["1", "2"], ["3", "4"], ["5", "6"], ["7", "8"]]
    assert calls == {"split": 1, "parse": 1}  # the two quote-free lines, then csv from `"5"` on
