"""`pilotage ui`: `dagster dev` on 127.0.0.1 over orchestration/definitions.py, with DAGSTER_HOME
under the state dir (the same instance `pilotage refresh` records its runs in)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from .errors import PilotageError
from .settings import PROJECT_DIR, resolve

HOST = "127.0.0.1"


def dagster_executable() -> str:
    candidate = Path(sys.executable).parent / "dagster"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dagster")
    if not found:
        raise PilotageError("dagster executable not found (install the project: pip install -e .)")
    return found


def command(port: int) -> list[str]:
    # The package module, so the relative imports of orchestration/definitions.py resolve.
    return [dagster_executable(), "dev", "--host", HOST, "--port", str(port),
            "--module-name", "orchestration.definitions", "--working-directory", str(PROJECT_DIR)]


def environment() -> dict[str, str]:
    from .refresh import dagster_home

    return {**os.environ, "DAGSTER_HOME": str(dagster_home(resolve()))}


def start(port: int = 3000) -> None:
    """Replace this process by `dagster dev` (signals reach it directly; Ctrl-C stops it)."""
    if not 0 < port < 65536:
        raise PilotageError(f"--port must be between 1 and 65535, got {port}")
    cmd = command(port)
    os.chdir(PROJECT_DIR)
    os.execve(cmd[0], cmd, environment())
