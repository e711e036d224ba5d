"""summary.html rendered by headless Chromium shows the verdict and the failing KPI."""
from __future__ import annotations

import subprocess

import pytest

WRONG_VALUE = ("update marts.kpi_observations set value = 0.25 where kpi_code = 'win_rate' "
               "and period_grain = 'year' and period_start = date '2025-01-01' and dimension = 'total'")


def rendered_dom(chromium: str, page, profile) -> str:
    run = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@pytest.fixture(scope="module")
def failing_page(recette_warehouse, recette_cahier, fixture_dir, mutate):
    from orchestration.recette import run_recette

    warehouse = mutate(recette_warehouse, fixture_dir / "browser.duckdb", WRONG_VALUE)
    result = run_recette(warehouse, out_dir=fixture_dir / "report_browser", cahier=recette_cahier)
    assert not result.success
    return result.report_path


def test_failed_report_shows_verdict_and_failing_kpi(chromium, failing_page, tmp_path):
    dom = rendered_dom(chromium, failing_page, tmp_path / "profile")
    assert '<div id="verdict" class="failed">RECETTE FAILED</div>' in dom
    assert "RECETTE PASSED" not in dom
    failure_line = dom.split('id="failure-line"', 1)[1].split("</p>", 1)[0]
    assert "win_rate" in failure_line and "golden.kpi_values" in failure_line
    checks = dom.split('id="kpi-checks"', 1)[1]
    first_row = checks.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert "FAIL" in first_row and "win_rate" in first_row  # failures first


def test_passed_report_shows_verdict(chromium, passing_run, tmp_path):
    dom = rendered_dom(chromium, passing_run.report_path, tmp_path / "profile")
    assert '<div id="verdict" class="passed">RECETTE PASSED</div>' in dom
    for suite in passing_run.suites:
        assert suite in dom
