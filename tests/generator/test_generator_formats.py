"""Text formats: the three timestamp spellings name the same instant; decimal commas."""
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np

from orchestration.generator.timestamps import NAIVE, OFFSET, UTC_Z, format_ts, paris_offset_seconds

PARIS = ZoneInfo("Europe/Paris")


def _local_secs(d: dt.datetime) -> int:
    return int((d - dt.datetime(1970, 1, 1)).total_seconds())


def test_paris_offsets_match_zoneinfo():
    rng = np.random.default_rng(0)
    secs = rng.integers(_local_secs(dt.datetime(2020, 1, 1)), _local_secs(dt.datetime(2030, 1, 1)), 3000)
    # avoid the non-existent / ambiguous hour of the switch nights
    secs = secs[(secs // 3600) % 24 != 2]
    got = paris_offset_seconds(secs)
    for s, off in zip(secs, got):
        local = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(s))
        assert local.replace(tzinfo=PARIS).utcoffset().total_seconds() == off, local


def test_three_spellings_same_instant():
    local = [dt.datetime(2026, 3, 31, 23, 30), dt.datetime(2026, 1, 15, 8, 5, 9), dt.datetime(2025, 10, 26, 12, 0)]
    secs = np.array([_local_secs(d) for d in local])
    for style in (NAIVE, UTC_Z, OFFSET):
        texts = format_ts(secs, np.full(len(secs), style)).to_pylist()
        for d, text in zip(local, texts):
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=PARIS)
            assert parsed.astimezone(PARIS).replace(tzinfo=None) == d, text
    assert format_ts(secs[:1]).to_pylist() == ["2026-03-31 23:30:00"]
    assert format_ts(secs[:1], np.array([UTC_Z])).to_pylist() == ["2026-03-31T21:30:00Z"]
    assert format_ts(secs[:1], np.array([OFFSET])).to_pylist() == ["2026-03-31T23:30:00+02:00"]


def test_decimal_comma_files_load_the_same_values(generated, landing):
    _, root = generated
    lines = (root / "erp/order_lines" / "2026-10-31-full.csv").read_text(encoding="utf-8").splitlines()
    first = lines[1].split(";")
    price = float(first[4].replace(",", "."))
    value = landing.scalar(f"""SELECT unit_price FROM {landing.rows('erp/order_lines')}
                               WHERE order_id = '{first[0]}' AND line_no = {first[1]} ORDER BY updated_at LIMIT 1""")
    assert value == price
