"""dbt plumbing shared by the Dagster code location and `pilotage refresh`.

- one function decides dbt's environment and `--vars` for a run, used by `dbt parse` and by the
  `dbt build` of the job alike: identical env and vars keep dbt's partial parsing valid;
- what changes from run to run (as_of, the nightly's delta) is not a var but a run parameter,
  an env var dbt reads only when a node runs (macros/run_parameters.sql): a new as_of costs no
  parse;
- the manifest Dagster reads (`target/manifest.json`) is prepared by our code (`dbt parse`) when
  it is missing or stale: outside `dagster dev` nothing else prepares it;
- dagster-dbt writes each invocation into its own `target/<op>-<run>-<id>/` folder: cleaned here.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import PilotageError
from .settings import PROJECT_DIR, Settings

TARGET_DIR = PROJECT_DIR / "target"
MANIFEST = TARGET_DIR / "manifest.json"
STAMP = TARGET_DIR / "pilotage_parse_stamp.json"
RUN_PARAMETERS_ENV = "PILOTAGE_RUN_PARAMETERS"  # read by macros/run_parameters.sql
# Inputs of the manifest: a change in any of them makes it stale.
PROJECT_INPUTS = ("models", "macros", "seeds", "snapshots", "tests/dbt", "analyses",
                  "dbt_project.yml", "profiles.yml", "packages.yml", "dependencies.yml")
# Environment variables that the dbt project or profile reads (profiles.yml, _sources.yml, macros).
PASSED_THROUGH = ("PILOTAGE_SCHEMA_SUFFIX", "PILOTAGE_DBT_THREADS", "PILOTAGE_DUCKDB_MEMORY_LIMIT")
# ... and those only the postgres target reads (its profile output, dbt_project.yml grants);
# PILOTAGE_PG_PASSWORD enters the stamp hashed.
PASSED_THROUGH_POSTGRES = ("PILOTAGE_PG_HOST", "PILOTAGE_PG_PORT", "PILOTAGE_PG_USER",
                           "PILOTAGE_PG_DATABASE", "PILOTAGE_PG_SCHEMA", "PILOTAGE_BI_ROLE")
# Every env var a parse depends on: those dbt_env sets that the profile reads, the passed
# through ones and the PostgreSQL password. The parse stamp (_stamp) holds their values, and
# the warm dbt process hands a parsed manifest over only under the same (dbt_warm).
PARSE_ENV = ("PILOTAGE_DUCKDB_PATH", "PILOTAGE_TARGET", "DBT_PROFILES_DIR", "PILOTAGE_PG_PASSWORD",
             *PASSED_THROUGH, *PASSED_THROUGH_POSTGRES)
POSTGRES_ONLY_ENV = ("PILOTAGE_PG_PASSWORD", *PASSED_THROUGH_POSTGRES)


def dbt_executable() -> str:
    """The venv's dbt (next to the running Python), else the one on PATH."""
    candidate = Path(sys.executable).parent / "dbt"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("dbt")
    if not found:
        raise PilotageError("dbt executable not found (install the project: pip install -e .)")
    return found


def target_dir(settings: Settings) -> Path:
    """dbt's target folder of this run's target: `target/` for DuckDB, `target/<target>/`
    for the others. A manifest and its partial-parse state belong to one profile target:
    sharing them would make every switch of target a full re-parse."""
    return TARGET_DIR if settings.target == "duckdb" else TARGET_DIR / settings.target


def dbt_env(settings: Settings) -> dict[str, str]:
    """The env vars that make dbt build into this run's file: the same for parse and build."""
    env = {
        "PILOTAGE_DUCKDB_PATH": str(settings.build_path),
        "PILOTAGE_TARGET": settings.target,
        "DBT_PROFILES_DIR": str(settings.project_dir),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    if settings.target != "duckdb":
        # dagster-dbt puts its per-invocation folders and reads partial_parse.msgpack under it
        env["DBT_TARGET_PATH"] = str(target_dir(settings))
    if settings.target == "postgres":
        from .postgres import BUILD_SUFFIX

        env["PILOTAGE_SCHEMA_SUFFIX"] = BUILD_SUFFIX  # build schemas, swapped in at publish
    return env


def dbt_vars(settings: Settings) -> str:
    """`--vars` of the run (sorted JSON: the same text for parse and build): the vars that do
    not change from run to run (the run parameters are passed apart)."""
    from .build_scope import RUN_VARS

    return json.dumps({k: v for k, v in settings.vars().items() if k not in RUN_VARS}, sort_keys=True)


def run_parameters(settings: Settings) -> dict[str, str]:
    """The env var holding the run parameters (as_of, delta_files, merge_models) as JSON."""
    from .build_scope import RUN_VARS

    values = {k: v for k, v in settings.vars().items() if k in RUN_VARS}
    return {RUN_PARAMETERS_ENV: json.dumps(values, sort_keys=True)}


SCHEDULER_ENV = "PILOTAGE_DBT_SCHEDULER"  # "dbt": build with dbt's own order of ready nodes


def build_executable() -> str:
    """`pilotage-dbt` (orchestration/dbt_schedule.py: dbt, longest chain of work first; forked
    from a refresh's warm dbt process, dbt_warm.py) next to the running Python, else (or with
    PILOTAGE_DBT_SCHEDULER=dbt) dbt_executable()."""
    candidate = Path(sys.executable).parent / "pilotage-dbt"
    if os.environ.get(SCHEDULER_ENV, "").strip().lower() == "dbt" or not candidate.exists():
        return dbt_executable()
    return str(candidate)


def warm_up_invocation(settings: Settings) -> dict | None:
    """The `dbt parse` a refresh's warm dbt process runs before serving (dbt_warm.py), with this
    run's env and vars, so that dbt's partial parse holds: its manifest is handed to the build;
    None when the manifest was not parsed for them (dbt would parse the whole project: seconds,
    for the ~1.5 s it saves)."""
    if not manifest_is_fresh(settings, for_run=True):
        return None
    # the build's env (applied_env), with dagster-dbt's log format
    env = {**os.environ, **run_env(settings), "DBT_LOG_FORMAT": "json"}
    return {"args": ["parse", "--vars", dbt_vars(settings), "--log-level-file", "none", "--no-use-colors"],
            "env": env, "cwd": str(settings.project_dir),
            "partial_parse": str(target_dir(settings) / "partial_parse.msgpack")}


def run_env(settings: Settings) -> dict[str, str]:
    """What a refresh's dbt build runs with on top of os.environ: dbt_env and the run parameters."""
    return {**dbt_env(settings), **run_parameters(settings)}


@contextmanager
def applied_env(settings: Settings, extra: dict[str, str] | None = None):
    """Set run_env(settings) and `extra` in os.environ (dagster-dbt passes os.environ to dbt),
    then restore."""
    env = {**run_env(settings), **(extra or {})}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield env
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def project_files(project_dir: Path = PROJECT_DIR) -> list[Path]:
    """The files of PROJECT_INPUTS that exist, in a stable order."""
    files = []
    for name in PROJECT_INPUTS:
        root = project_dir / name
        files += [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
    return files


def project_fingerprint(project_dir: Path = PROJECT_DIR) -> str:
    """Cheap (size, mtime): is the parsed manifest stale?"""
    digest = hashlib.sha1()
    for p in project_files(project_dir):
        st = p.stat()
        digest.update(f"{p.relative_to(project_dir)}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _stamp(settings: Settings) -> dict:
    """What a parse read: project files, the PARSE_ENV values of this run ('' when unset; the
    postgres ones for that target only; the password hashed) and the vars."""
    env = {**os.environ, **dbt_env(settings)}
    names = [k for k in PARSE_ENV if settings.target == "postgres" or k not in POSTGRES_ONLY_ENV]
    read = {k: env.get(k, "") for k in names}
    if read.get("PILOTAGE_PG_PASSWORD"):
        read["PILOTAGE_PG_PASSWORD"] = "sha256:" + hashlib.sha256(read["PILOTAGE_PG_PASSWORD"].encode()).hexdigest()[:16]
    return {"files": project_fingerprint(settings.project_dir), "env": read, "vars": dbt_vars(settings)}


def _read_stamp(stamp: Path = STAMP) -> dict:
    try:
        return json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def manifest_is_fresh(settings: Settings, *, for_run: bool) -> bool:
    """for_run=False (loading definitions): the manifest exists and the project files did not
    change. for_run=True: also parsed with this run's env and vars (dbt's partial parse holds)."""
    folder = target_dir(settings)
    if not (folder / MANIFEST.name).exists():
        return False
    stamp, wanted = _read_stamp(folder / STAMP.name), _stamp(settings)
    if for_run:
        return stamp == wanted
    return stamp.get("files") == wanted["files"]


@contextmanager
def _parse_lock():
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    with open(TARGET_DIR / ".pilotage_parse.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def prepare_manifest(settings: Settings, *, for_run: bool = True) -> float | None:
    """Run `dbt parse` if the manifest is missing or stale; returns its duration, None if skipped."""
    with _parse_lock():
        if manifest_is_fresh(settings, for_run=for_run):
            return None
        started = time.perf_counter()
        stamp = _stamp(settings)
        folder = target_dir(settings)
        folder.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **dbt_env(settings), "DBT_LOG_PATH": str(folder)}
        if folder == TARGET_DIR:
            env.pop("DBT_TARGET_PATH", None)
        proc = subprocess.run(
            [build_executable(), "parse", "--vars", stamp["vars"], "--no-use-colors"],
            cwd=settings.project_dir, env=env, capture_output=True, text=True)
        if proc.returncode != 0 or not (folder / MANIFEST.name).exists():
            raise PilotageError(f"dbt parse failed: {_first_error(proc.stdout + proc.stderr)}")
        (folder / STAMP.name).write_text(json.dumps(stamp, indent=2, sort_keys=True), encoding="utf-8")
        return time.perf_counter() - started


def parsed_fingerprint() -> str | None:
    """Fingerprint of the project files the current manifest was parsed from."""
    return _read_stamp().get("files")


def _first_error(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if "Error" in line or "error" in line:
            rest = " ".join(lines[i:i + 3])
            return rest[:300]
    return (lines[-1] if lines else "no output")[:300]


# ---------------------------------------------------------------- after a dbt build


def summarize_run_results(path: Path) -> dict:
    """Counts by resource type and status from run_results.json, plus the failures."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"counts": {}, "failures": [], "elapsed": None}
    counts: dict[str, dict[str, int]] = {}
    failures = []
    for r in data.get("results", []):
        uid = r.get("unique_id", "")
        kind = uid.split(".", 1)[0]
        status = str(r.get("status"))
        counts.setdefault(kind, {}).setdefault(status, 0)
        counts[kind][status] += 1
        if status in ("error", "fail", "runtime error"):
            name = uid.split(".")[-1] if kind != "test" else uid.split(".")[2]
            message = " ".join(str(r.get("message") or "").split())[:200]
            failures.append(f"{kind} {name}: {message}" if message else f"{kind} {name}")
    return {"counts": counts, "failures": failures, "elapsed": data.get("elapsed_time")}


def describe_counts(counts: dict) -> str:
    parts = []
    for kind in ("seed", "model", "snapshot", "test", "unit_test"):
        if kind in counts:
            by_status = ", ".join(f"{n} {s}" for s, n in sorted(counts[kind].items()))
            parts.append(f"{kind}s: {by_status}")
    return "; ".join(parts) or "nothing run"


def clean_invocation_dirs(keep: Path | None = None, older_than_s: float = 6 * 3600) -> int:
    """Remove dagster-dbt per-invocation folders `target/<op>-<run>-<id>/` left by killed runs
    (older than `older_than_s`); `keep` is the one to leave alone."""
    removed = 0
    if not TARGET_DIR.is_dir():
        return 0
    now = time.time()
    folders = [TARGET_DIR] + [d for d in TARGET_DIR.iterdir() if d.is_dir() and (d / STAMP.name).exists()]
    for folder in folders:  # target/ and the other targets' target/<target>/
        for d in folder.iterdir():
            if d.is_dir() and d.name.startswith("dbt_models-") and d != keep:
                if now - d.stat().st_mtime > older_than_s:
                    shutil.rmtree(d, ignore_errors=True)
                    removed += 1
    return removed
