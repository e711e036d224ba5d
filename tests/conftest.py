"""Fixtures shared by several test folders: the golden fixture refreshed once per session."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLDEN_LANDING = REPO / "tests" / "fixtures" / "golden" / "landing"
GOLDEN_EXPECTED = REPO / "tests" / "golden_expected.py"


def load_expected():
    """tests/golden_expected.py as a module (the hand-computed cahier de recette)."""
    spec = importlib.util.spec_from_file_location("golden_expected", GOLDEN_EXPECTED)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def golden_expected():
    return load_expected()


@pytest.fixture(scope="session")
def golden_warehouse(tmp_path_factory, golden_expected) -> Path:
    """The golden landing, fully refreshed (`pilotage refresh --full-refresh` in-process) into a
    fresh warehouse as of the cahier's AS_OF; state and recette reports in a temporary folder."""
    from orchestration.refresh import run_refresh
    from orchestration.settings import resolve

    root = tmp_path_factory.mktemp("golden")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PILOTAGE_STATE_DIR", str(root / "state"))
        mp.setenv("PILOTAGE_RECETTE_DIR", str(root / "recette"))
        for key in ("PILOTAGE_WEBHOOK_URL", "PILOTAGE_CONFIG", "PILOTAGE_SCHEMA_SUFFIX", "PILOTAGE_TARGET"):
            mp.delenv(key, raising=False)
        settings = resolve(str(GOLDEN_LANDING), str(root / "pilotage.duckdb"), golden_expected.AS_OF,
                           target="duckdb", timezone="Europe/Paris")
        run_refresh(settings, full_refresh=True)
    return settings.warehouse
