"""The recette on the hand-built warehouse: every suite passes, and the reports say so."""
from __future__ import annotations

from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
MODULES = list(yaml.safe_load((REPO / "spec" / "kpis.yml").read_text(encoding="utf-8"))["modules"])
CORE = ["kpi_catalogue", "kpi_observations", "customer_360", "crm_alerts", "load_audit", "quarantine"]


def test_every_suite_passes(passing_run):
    assert passing_run.success, passing_run.failure_line()
    assert passing_run.failed_suites == []
    assert passing_run.failure_line() == ""
    assert all(failed == 0 for _, failed in passing_run.suites.values())


def test_the_suites_are_those_of_the_brief(passing_run):
    suites = set(passing_run.suites)
    assert {f"sanity.{m}" for m in MODULES} <= suites  # one suite per module
    assert {f"structure.{t}" for t in CORE} <= suites
    assert {"structure.column_types", "structure.module_marts", "coherence", "golden.kpi_values",
            "golden.customer_360", "golden.crm_alerts"} <= suites
    assert all(passed > 0 for passed, _ in passing_run.suites.values())


def test_kpi_checks_cover_every_kpi_and_the_cahier(passing_run):
    codes = {k["code"] for k in yaml.safe_load((REPO / "spec" / "kpis.yml").read_text())["kpis"]}
    present = {r["kpi_code"] for r in passing_run.results if r["check"] == "present"}
    assert present == codes
    golden = [r for r in passing_run.results if r["suite"] == "golden.kpi_values"]
    assert len(golden) == 6 and all(r["passed"] for r in golden)
    assert any(r["expected"] is None and r["observed"] is None for r in golden)  # the NULL check
    rules = {r["check"] for r in passing_run.results if r["suite"] == "coherence"}
    assert {"dimension_sum", "quarter_months", "year_quarters", "customer_status_counts",
            "crm_alerts_count", "quarantine_count", "load_audit_rows"} <= rules


def test_summary_and_reports(passing_run):
    summary = passing_run.summary()
    assert summary.startswith("RECETTE PASSED")
    assert str(passing_run.report_path) in summary
    assert len(summary.splitlines()) <= 5
    assert passing_run.report_path.name == "summary.html" and passing_run.report_path.is_file()
    markdown = passing_run.markdown_path.read_text(encoding="utf-8")
    assert markdown.startswith("# RECETTE PASSED")
    assert passing_run.seconds > 0 and passing_run.timings["gx_validation"] > 0


def test_html_report_names_every_suite(passing_run):
    page = passing_run.report_path.read_text(encoding="utf-8")
    docs = passing_run.data_docs / "index.html"
    assert docs.is_file()
    index = docs.read_text(encoding="utf-8")
    for suite in passing_run.suites:
        assert suite in page, suite
        assert suite in index, f"{suite} missing from the GX Data Docs index"


def test_no_gx_state_in_the_repository(passing_run):
    assert not (REPO / "gx").exists()
    assert not (REPO / "great_expectations").exists()
    assert passing_run.data_docs.is_relative_to(passing_run.out_dir)
