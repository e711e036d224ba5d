"""The KPI catalogue has one source of truth (spec/kpis.yml); generated files follow it."""
import csv
from pathlib import Path

import pytest
import yaml

from orchestration import catalogue
from orchestration.errors import PilotageError

SHARED_SPEC = catalogue.PROJECT_DIR.parent / "shared" / "spec" / "kpis.yml"


def test_generated_files_are_up_to_date():
    assert catalogue.write_generated(check=True) == "catalogue up to date: 79 KPIs"


def test_vendored_spec_matches_shared_contract():
    if not SHARED_SPEC.exists():
        pytest.skip("no ../shared/spec beside this clone")
    assert catalogue.SPEC.read_text(encoding="utf-8") == SHARED_SPEC.read_text(encoding="utf-8")


def test_seed_has_one_row_per_kpi_with_catalogue_columns():
    rows = list(csv.DictReader(catalogue.SEED.open(encoding="utf-8")))
    kpis = yaml.safe_load(catalogue.SPEC.read_text(encoding="utf-8"))["kpis"]
    assert [r["kpi_code"] for r in rows] == [k["code"] for k in kpis]
    first = rows[0]
    assert first["kpi_code"] == "invoiced_revenue"
    assert first["module"] == "management"
    assert first["grains"] == "month|quarter|year"
    assert first["dimensions"] == "total|country|segment|sales_rep|team|business_unit"
    assert first["has_target"] == "true"
    by_code = {r["kpi_code"]: r for r in rows}
    assert by_code["late_visits"]["kind"] == "snapshot" and by_code["late_visits"]["grains"] == ""
    assert by_code["pipeline_forecast"]["kind"] == "forecast"


def test_every_kpi_has_a_model_file():
    kpis = yaml.safe_load(catalogue.SPEC.read_text(encoding="utf-8"))["kpis"]
    models = catalogue.PROJECT_DIR / "models" / "kpis"
    missing = [k["code"] for k in kpis if not (models / k["module"] / f"kpi_{k['code']}.sql").exists()]
    assert missing == []


def test_no_placeholder_model_is_left():
    models = catalogue.PROJECT_DIR / "models"
    left = sorted(str(p.relative_to(models)) for p in models.rglob("*.sql") if "PLACEHOLDER" in p.read_text())
    assert left == []


def test_check_reports_a_stale_seed(tmp_path, monkeypatch):
    stale = tmp_path / "kpi_catalogue.csv"
    stale.write_text("kpi_code\n")
    monkeypatch.setattr(catalogue, "SEED", stale)
    monkeypatch.setattr(catalogue, "PROJECT_DIR", tmp_path)
    with pytest.raises(PilotageError, match=r"^generated catalogue files are stale: kpi_catalogue.csv"):
        catalogue.write_generated(check=True)
