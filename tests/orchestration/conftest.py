"""Shared fixtures of the orchestration tests: one landing copy and one published warehouse per
session (a refresh costs a dbt build: tests reuse it instead of rebuilding)."""
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "fixtures" / "golden" / "landing"
GOLDEN_AS_OF = "2026-03-15"
PILOTAGE = Path(sys.executable).parent / "pilotage"


@pytest.fixture(scope="session")
def orch_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("orch")


@pytest.fixture(scope="session")
def landing(orch_dir):
    """The golden landing (as_of 2026-03-15); the generator at scale 0.01 if it is absent."""
    out = orch_dir / "landing"
    if GOLDEN.is_dir():
        shutil.copytree(GOLDEN, out)
    else:
        from orchestration.generator import generate

        generate(out, scale=0.01, seed=42)
    return out


@pytest.fixture(scope="session")
def orch_env(orch_dir):
    """PILOTAGE_* variables of the session: state, recette reports and config in the tmp dir."""
    env = {
        "PILOTAGE_STATE_DIR": str(orch_dir / "state"),
        "PILOTAGE_RECETTE_DIR": str(orch_dir / "recette"),
        "PILOTAGE_REPORTING_TIMEZONE": "Europe/Paris",
        "PILOTAGE_TARGET": "duckdb",
    }
    with pytest.MonkeyPatch.context() as mp:
        for key, value in env.items():
            mp.setenv(key, value)
        for key in ("PILOTAGE_WEBHOOK_URL", "PILOTAGE_CONFIG", "PILOTAGE_LOG_LEVEL", "PILOTAGE_AS_OF",
                    "PILOTAGE_LANDING", "PILOTAGE_WAREHOUSE", "PILOTAGE_SCHEMA_SUFFIX"):
            mp.delenv(key, raising=False)
        yield env


@pytest.fixture(scope="session")
def make_settings(landing, orch_dir, orch_env):
    """Settings of the session's warehouse for a given as_of."""
    from orchestration.settings import resolve

    def make(as_of=GOLDEN_AS_OF):
        return resolve(landing=str(landing), warehouse=str(orch_dir / "wh" / "pilotage.duckdb"), as_of=as_of)

    return make


@pytest.fixture(scope="session")
def built(make_settings):
    """A nightly refresh of the golden landing, published: (settings, RefreshResult)."""
    from orchestration.refresh import run_refresh

    settings = make_settings()
    return settings, run_refresh(settings)


@pytest.fixture(scope="session")
def cli_env(orch_env):
    """Environment for `pilotage` subprocesses."""
    return {**os.environ, **orch_env}
