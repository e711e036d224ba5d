"""The recette on the golden fixture (tests/fixtures/golden/landing, as_of 2026-03-15) against
its cahier de recette tests/golden_expected.py. Builds nothing itself: the warehouse comes from
the session fixture `golden_warehouse`."""
from __future__ import annotations

from pathlib import Path

import pytest

# one worker runs the whole group, so its session fixtures are built once
pytestmark = pytest.mark.xdist_group("golden")

CAHIER = Path(__file__).resolve().parents[1] / "golden_expected.py"


@pytest.fixture(scope="module")
def golden_run(golden_warehouse, tmp_path_factory):
    from orchestration.recette import run_recette

    return run_recette(golden_warehouse, out_dir=tmp_path_factory.mktemp("golden_recette"), cahier=CAHIER)


@pytest.mark.parametrize("family", ["structure", "sanity", "coherence", "golden"])
def test_golden_fixture_passes(golden_run, family):
    failed = [s for s in golden_run.failed_suites if s.split(".", 1)[0] == family]
    assert not failed, golden_run.failure_line()
    assert any(s.split(".", 1)[0] == family for s in golden_run.suites)
