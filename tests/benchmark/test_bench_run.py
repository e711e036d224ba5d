"""`make bench` end to end at a tiny scale (bench/run.py): generate, full refresh, floor, a
nightly with one day of deltas, a night with no new file, the full refresh of the nightly's days
after them. The figures the README quotes come out,
and the counts in them are this run's own: rows the nightly read = rows of the delta files,
models rebuilt and kept per run, ratios computed from the measured seconds."""
from __future__ import annotations

import csv
import datetime as dt
import json

import pytest

pytestmark = pytest.mark.xdist_group("bench")

SCALE = 0.005
STAGES = {"setup", "parse", "load", "dbt", "checks", "recette", "publish"}


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    from bench import run as bench_run

    root = tmp_path_factory.mktemp("bench")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PILOTAGE_STATE_DIR", str(root / "state"))  # run() sets it; undone after
        mp.setenv("PILOTAGE_RECETTE_DIR", str(root / "recette"))
        for key in ("PILOTAGE_WEBHOOK_URL", "PILOTAGE_CONFIG", "PILOTAGE_SCHEMA_SUFFIX", "PILOTAGE_TARGET"):
            mp.delenv(key, raising=False)
        result = bench_run.run(SCALE, seed=5, workdir=root / "work", nightly_repeats=2)
    return root / "work", result


def _dbt_nodes() -> int:
    from orchestration.dbt_runner import MANIFEST

    nodes = json.loads(MANIFEST.read_text(encoding="utf-8"))["nodes"].values()
    return sum(1 for node in nodes if node["resource_type"] in ("model", "seed")
               and node["config"].get("materialized") != "ephemeral")  # inlined: no relation, no asset


def _delta(workdir):
    """(day, files, data rows, raw tables) of the generator's one delta folder."""
    (day_dir,) = (workdir / "landing-deltas").iterdir()
    files = sorted(day_dir.rglob("*.csv"))
    rows = sum(_data_rows(f) for f in files)
    tables = {f.parent.relative_to(day_dir).as_posix() for f in files}
    return day_dir.name, files, rows, tables


def _data_rows(path) -> int:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return sum(1 for row in csv.reader(f) if row) - 1


def test_the_full_refresh_rebuilds_every_node_and_the_floor_runs_the_same_models(bench):
    _, result = bench
    full, nodes = result["full_refresh"], _dbt_nodes()
    assert (full["dbt_nodes_rebuilt"], full["dbt_nodes_kept"], full["scope"]) == (nodes, 0, "everything")
    assert result["floor"]["models"] == nodes
    assert set(full["stages"]) == STAGES
    landing_rows = sum(_data_rows(f) for f in (bench[0] / "landing").rglob("*.csv"))
    assert full["rows_read"] == landing_rows - _delta(bench[0])[2]  # the delta came after it


def test_the_nightly_reads_the_delta_rows_and_keeps_what_they_do_not_reach(bench):
    workdir, result = bench
    day, files, rows, tables = _delta(workdir)
    night = result["nightly_incremental"]
    assert night["delta_files"] == len(files)
    assert night["rows_read"] == rows
    previous = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    assert night["scope"] == (f"new or changed files in {len(tables)} raw table(s); "
                              f"as_of moved from {previous} to {day}")
    assert night["dbt_nodes_kept"] > 0
    assert night["dbt_nodes_rebuilt"] + night["dbt_nodes_kept"] == _dbt_nodes()


def test_a_night_without_new_files_rebuilds_nothing(bench):
    _, result = bench
    idle = result["nightly_no_new_file"]
    assert (idle["dbt_nodes_rebuilt"], idle["dbt_nodes_kept"]) == (0, _dbt_nodes())
    assert idle["scope"] == "inputs unchanged"
    assert (idle["rows_read"], idle["stages"]["parse"]) == (0, 0.0)


def test_the_full_refresh_after_the_nightlies_reads_every_landing_row_without_a_parse(bench):
    workdir, result = bench
    after = result["full_refresh_after"]
    assert (after["dbt_nodes_rebuilt"], after["dbt_nodes_kept"], after["scope"]) == (_dbt_nodes(), 0, "everything")
    assert after["rows_read"] == sum(_data_rows(f) for f in (workdir / "landing").rglob("*.csv"))
    # into the same warehouse as the first (a new path would make dbt parse again)
    assert after["dbt_warm"]["reused_manifest"] == (1 if after["dbt_warm"]["warm_up"] == "ok" else 0)


def test_ratios_and_report_come_from_the_measured_seconds(bench):
    from bench.run import markdown

    _, result = bench
    full, after, floor = result["full_refresh"], result["full_refresh_after"], result["floor"]
    night, idle = result["nightly_incremental"], result["nightly_no_new_file"]
    mean = (full["seconds"] + after["seconds"]) / 2  # the two full refreshes around the nightlies
    assert result["ratios"] == {
        "full_refresh_over_floor": round(full["seconds"] / floor["seconds"], 2),
        "dbt_build_over_floor": round(full["stages"]["dbt"] / floor["seconds"], 2),
        "nightly_over_full": round(night["seconds"] / mean, 3),
        "idle_night_over_full": round(idle["seconds"] / mean, 3),
        "nightly_over_each_full": [round(night["seconds"] / full["seconds"], 3),
                                   round(night["seconds"] / after["seconds"], 3)],
    }
    assert all(run["peak_rss_mib"] > 0 for run in (full, night, idle, floor, after))
    report = markdown(result)
    assert f"| **total** | **{full['seconds']:.1f}** | **{night['seconds']:.1f}** | **{idle['seconds']:.1f}** |" in report
    assert f"- nightly over full: **{result['ratios']['nightly_over_full']}**" in report
    each = result["ratios"]["nightly_over_each_full"]
    assert f"- nightly over each full: **{each[0]} / {each[1]}**" in report
    assert (f"Full refresh measured before the nightlies (days 1..N) {full['seconds']:.1f} s and after them "
            f"(days 1..N+1) {after['seconds']:.1f} s") in report
    assert f"Floor (compiled SQL of the same {floor['models']} models, one DuckDB connection)" in report


def test_one_full_refresh_only_keeps_the_ratios_to_it():
    from bench.run import markdown

    full = {"seconds": 100.0, "stages": {"dbt": 40.0}, "peak_rss_mib": 1, "loader_rows_per_s": 1,
            "warehouse_mib": 1, "dbt_nodes_rebuilt": 1, "dbt_nodes_kept": 0, "scope": "everything"}
    night = {**full, "seconds": 20.0, "runs_seconds": [20.0], "scope": "s"}
    result = {"date": "2026-12-05", "scale": 1, "machine": {"cores": 2, "memory_gib": 1},
              "generate": {"rows": 1, "seconds": 1.0, "rows_per_s": 1}, "full_refresh": full,
              "floor": {"seconds": 50.0, "models": 1}, "nightly_incremental": night, "nightly_no_new_file": night,
              "ratios": {"nightly_over_full": 0.2}}
    report = markdown(result)
    assert "- nightly over full: **0.2**" in report and "Full refresh measured before" not in report



def test_the_nightly_is_repeated_on_the_same_delta_and_the_median_run_reported(bench):
    _, result = bench
    night = result["nightly_incremental"]
    runs = night["runs_seconds"]
    assert len(runs) == 2 and night["seconds"] == max(runs)  # two runs: the slower of the middle two
    fulls = (result["full_refresh"]["seconds"] + result["full_refresh_after"]["seconds"]) / 2
    assert result["ratios"]["nightly_over_full"] == round(max(runs) / fulls, 3)
    from bench.run import markdown
    assert (f"The nightly ran 2 time(s) on the same delta, rolled back in between: "
            f"{runs[0]:.1f}, {runs[1]:.1f} s; its column is the median run.") in markdown(result)
