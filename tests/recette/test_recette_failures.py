"""A wrong KPI value, a coherence break, a missing warehouse: the recette says which, in one line."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from orchestration.cli import main
from orchestration.errors import PilotageError
from orchestration.recette import run_recette

WRONG_VALUE = ("update marts.kpi_observations set value = value + 100 where kpi_code = 'invoiced_revenue' "
               "and period_grain = 'month' and period_start = date '2026-01-01' and dimension = 'total'")
# February 2026 of cases_opened: +10 on the total and on one member of every dimension, so the
# members still add up to the total but the months no longer add up to the quarter.
MONTH_BREAK = ("update marts.kpi_observations set value = value + 10 where kpi_code = 'cases_opened' "
               "and period_grain = 'month' and period_start = date '2026-02-01' "
               "and dimension_value in ('all', 'm1')")


@pytest.fixture(scope="module")
def wrong_value_run(recette_warehouse, recette_cahier, fixture_dir, mutate):
    warehouse = mutate(recette_warehouse, fixture_dir / "wrong_value.duckdb", WRONG_VALUE)
    return run_recette(warehouse, out_dir=fixture_dir / "report_wrong", cahier=recette_cahier)


@pytest.fixture(scope="module")
def month_break_run(recette_warehouse, fixture_dir, mutate):
    warehouse = mutate(recette_warehouse, fixture_dir / "month_break.duckdb", MONTH_BREAK)
    return run_recette(warehouse, out_dir=fixture_dir / "report_break")


def test_a_wrong_kpi_value_fails_and_is_named(wrong_value_run):
    result = wrong_value_run
    assert not result.success
    assert "golden.kpi_values" in result.failed_suites
    line = result.failure_line()
    assert "\n" not in line
    assert "invoiced_revenue" in line and "golden.kpi_values" in line
    failing = [r for r in result.results if not r["passed"] and r["suite"] == "golden.kpi_values"]
    assert [(r["kpi_code"], r["period"], r["expected"], r["observed"]) for r in failing] == [
        ("invoiced_revenue", "month 2026-01-01", 9.0, 109.0)]
    assert result.results[0]["passed"] is False  # failures first
    summary = result.summary()
    assert summary.startswith("RECETTE FAILED") and "golden.kpi_values" in summary
    markdown = result.markdown_path.read_text(encoding="utf-8")
    assert markdown.startswith("# RECETTE FAILED") and "invoiced_revenue" in markdown


def test_a_wrong_additive_value_also_breaks_coherence(wrong_value_run):
    assert "coherence" in wrong_value_run.failed_suites
    broken = {(r["check"], r["kpi_code"]) for r in wrong_value_run.results
              if r["suite"] == "coherence" and not r["passed"]}
    assert ("dimension_sum", "invoiced_revenue") in broken
    assert ("quarter_months", "invoiced_revenue") in broken


def test_months_not_adding_up_to_the_quarter_fail_coherence(month_break_run):
    result = month_break_run
    assert not result.success
    assert result.failed_suites == ["coherence"]
    assert result.suites["coherence"][1] >= 1
    broken = [r for r in result.results if not r["passed"]]
    assert broken and {(r["check"], r["kpi_code"]) for r in broken} == {("quarter_months", "cases_opened")}
    assert {r["period"] for r in broken} == {"quarter 2026-01-01"}
    assert "coherence" in result.failure_line() and "cases_opened" in result.failure_line()


def test_missing_warehouse_is_one_line(tmp_path):
    missing = tmp_path / "nowhere.duckdb"
    message = f"warehouse not found: {missing} (run `pilotage refresh` first, or pass --warehouse)"
    with pytest.raises(PilotageError) as caught:
        run_recette(missing, out_dir=tmp_path / "out")
    assert str(caught.value) == message
    run = CliRunner().invoke(main, ["recette", "--warehouse", str(missing), "--out", str(tmp_path / "out")])
    assert run.exit_code == 1
    assert run.stderr == f"pilotage: {message}\n"
    assert run.stdout == ""


def test_cli_exit_codes(recette_warehouse, recette_cahier, fixture_dir, monkeypatch, mutate):
    monkeypatch.setenv("PILOTAGE_CAHIER", str(recette_cahier))
    ok = CliRunner().invoke(main, ["recette", "--warehouse", str(recette_warehouse),
                                   "--out", str(fixture_dir / "cli_ok")])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.startswith("RECETTE PASSED")
    wrong = mutate(recette_warehouse, fixture_dir / "cli_wrong.duckdb", WRONG_VALUE)
    failed = CliRunner().invoke(main, ["recette", "--warehouse", str(wrong), "--out", str(fixture_dir / "cli_ko")])
    assert failed.exit_code == 1
    assert failed.stdout.startswith("RECETTE FAILED")
    errors = failed.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("pilotage: recette failed: ")
    assert "invoiced_revenue" in errors[0]


def test_a_missing_cahier_is_one_line(recette_warehouse, tmp_path):
    with pytest.raises(PilotageError, match="^no such file: "):
        run_recette(recette_warehouse, out_dir=tmp_path / "out", cahier=tmp_path / "nope.py")


# A run re-done for an earlier as_of keeps the snapshot rows of the later run (kpis.yml keeps
# earlier runs' snapshots): the recette still checks the run's own as_of.
LATER_SNAPSHOT = ("insert into marts.kpi_observations select kpi_code, module, period_grain, "
                  "date '2026-03-17', dimension, dimension_value, value, target, unit, "
                  "date '2026-03-17' from marts.kpi_observations where period_grain = 'as_of'")


def test_snapshot_rows_of_a_later_run_do_not_move_the_as_of(recette_warehouse, recette_cahier, fixture_dir, mutate):
    from orchestration.recette.spec import load_spec
    from orchestration.recette.warehouse import read_warehouse

    warehouse = mutate(recette_warehouse, fixture_dir / "later_snapshot.duckdb", LATER_SNAPSHOT)
    assert str(read_warehouse(warehouse, load_spec()).as_of) == "2026-03-15"
    result = run_recette(warehouse, out_dir=fixture_dir / "report_later", cahier=recette_cahier)
    assert result.success, result.failure_line()
