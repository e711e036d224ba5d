"""Landing layout: every entity folder, headers in contract order, file names, delta folders."""
import datetime as dt

import pytest

from orchestration.contract import ENTITIES
from orchestration.errors import PilotageError
from orchestration.generator import apply_delta, generate
from orchestration.generator.options import DEFAULT_END, DEFAULT_START


def _header(path):
    with open(path, encoding="utf-8") as fh:
        line = fh.readline().rstrip("\n")
    delim = ";" if line.count(";") > line.count(",") else ","
    return delim, line.split(delim)


def test_every_entity_folder_has_files_with_the_contract_header(generated):
    report, landing = generated
    for ent in ENTITIES:
        files = sorted((landing / ent.path).glob("*.csv"))
        assert files, f"no file for {ent.path}"
        for f in files:
            _, names = _header(f)
            assert names == ent.column_names, f.name
        assert report.rows[ent.path] > 0


def test_only_entity_folders_are_written(generated):
    _, landing = generated
    folders = {p.relative_to(landing).parent.as_posix() for p in landing.rglob("*.csv")}
    assert folders == {e.path for e in ENTITIES}


def test_file_names_sort_in_time_order(generated):
    _, landing = generated
    names = {p.name for p in landing.rglob("*.csv")}
    tag = DEFAULT_END.isoformat()
    assert names <= {f"{tag}-full.csv", f"{tag}-updates.csv", f"{tag}-resend.csv"}
    assert f"{tag}-full.csv" < f"{tag}-updates.csv" < f"delta-{tag}.csv"


def test_report_counts_match_the_files(generated):
    report, landing = generated
    for ent in ENTITIES:
        lines = sum(sum(1 for _ in open(f, encoding="utf-8")) - 1 for f in (landing / ent.path).glob("*.csv"))
        assert lines == report.rows[ent.path], ent.path
    assert sorted(report.files) == sorted(p.relative_to(landing).as_posix() for p in landing.rglob("*.csv"))
    assert report.seconds > 0 and report.rows_per_second > 0
    assert "rows/s" in report.summary()


def test_default_window(generated):
    report, _ = generated
    assert (report.start, report.end) == (dt.date(2024, 1, 1), dt.date(2026, 10, 31))
    assert (DEFAULT_START, DEFAULT_END) == (report.start, report.end)


def test_delta_folders_follow_end(generated):
    report, landing = generated
    deltas = landing.parent / "landing-deltas"
    assert report.deltas_dir == deltas
    days = sorted(p.name for p in deltas.iterdir())
    assert days == ["2026-11-01", "2026-11-02"] == report.delta_days
    for day in days:
        files = sorted((deltas / day).rglob("*.csv"))
        assert files
        for f in files:
            rel = f.relative_to(deltas / day)
            assert rel.name == f"delta-{day}.csv"
            assert rel.parent.as_posix() in {e.path for e in ENTITIES}
            _, names = _header(f)
            assert names == next(e for e in ENTITIES if e.path == rel.parent.as_posix()).column_names
        kinds = {f.relative_to(deltas / day).parent.as_posix() for f in files}
        assert {"erp/orders", "erp/order_lines", "crm/activities", "crm/cases", "crm/calls", "web/sessions",
                "crm/opportunities", "crm/opportunity_stage_history"} <= kinds


def test_apply_delta_copies_a_night_and_never_overwrites(generated, tmp_path):
    report, landing = generated
    target = tmp_path / "landing"
    import shutil
    shutil.copytree(landing, target)
    copied = apply_delta(report.deltas_dir, "2026-11-01", target)
    assert copied and all((target / c).is_file() for c in copied)
    assert all(c.endswith("/delta-2026-11-01.csv") for c in copied)
    with pytest.raises(PilotageError, match="already in"):
        apply_delta(report.deltas_dir, dt.date(2026, 11, 1), target)
    with pytest.raises(PilotageError, match="no delta folder"):
        apply_delta(report.deltas_dir, "2030-01-01", target)


def test_custom_window_and_small_scale_populate_everything(tmp_path):
    report = generate(tmp_path / "l", scale=0.003, seed=5, start="2025-01-01", end="2025-06-30")
    assert all(report.rows[e.path] > 0 for e in ENTITIES)
    assert report.end == dt.date(2025, 6, 30)
    assert (tmp_path / "l" / "crm" / "accounts" / "2025-06-30-full.csv").is_file()
