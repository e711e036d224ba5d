"""The dbt unit tests (`unit_tests:` in the model .yml files: customer status rule, time-zone
attribution, quarter ratios from components, stage intervals...). The nightly job leaves them
out of its `dbt build`; they run here, on a copy of the golden warehouse (unit tests of
incremental models need their table to exist)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from orchestration.dbt_runner import dbt_executable
from orchestration.settings import PROJECT_DIR

pytestmark = pytest.mark.xdist_group("golden")


def test_every_dbt_unit_test_passes(golden_warehouse, golden_expected, tmp_path):
    # same file name: dbt-duckdb names the catalog after it, and the views are qualified with it
    (tmp_path / "unit").mkdir()
    warehouse = tmp_path / "unit" / golden_warehouse.name
    shutil.copyfile(golden_warehouse, warehouse)
    env = {**os.environ, "PILOTAGE_DUCKDB_PATH": str(warehouse), "PILOTAGE_TARGET": "duckdb",
           "DBT_PROFILES_DIR": str(PROJECT_DIR), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    target = tmp_path / "target"
    proc = subprocess.run(
        [dbt_executable(), "--no-use-colors", "test", "--select", "test_type:unit", "--target-path", str(target),
         "--log-path", str(tmp_path / "logs"), "--vars", json.dumps({"as_of": golden_expected.AS_OF})],
        cwd=PROJECT_DIR, env=env, capture_output=True, text=True)
    results = json.loads((target / "run_results.json").read_text())["results"]
    failed = [r["unique_id"] for r in results if r["status"] != "pass"]
    assert proc.returncode == 0 and failed == [], proc.stdout[-3000:]
    assert len(results) == 54
