"""Write-audit-publish of the DuckDB warehouse file, its version history and `pilotage rollback`.

- write: a run builds into `settings.build_path` (next to the published file, same file system),
  started from a copy of the published file (nightly) or empty (full refresh). The published file
  is only ever *read* (copied, attached read-only), so BI readers are never blocked.
- audit: the Dagster job's checks, dbt tests and recette run on the build file.
- publish: `os.replace(build, published)`, atomic; readers holding the old file keep reading it,
  new connections see the new one. The previous published file is first copied
  into the version history under the state dir, which keeps the last N versions.

A failed or killed run never touches the published file; its build file is left for inspection
and removed at the start of the next run. A lock file next to the warehouse serialises runs.
"""
from __future__ import annotations

import datetime as dt
import errno
import fcntl
import hashlib
import json
import os
import shutil
import threading
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import duckdb

from . import duck
from .errors import PilotageError
from .loader.fingerprint import sha256, stat_signature

# ---------------------------------------------------------------- lock

_held: dict[str, list] = {}  # lock path -> [file object, depth]; re-entrant inside one process
_held_guard = threading.Lock()


def lock_path(warehouse: Path) -> Path:
    return warehouse.parent / f".{warehouse.stem}.lock"


@contextmanager
def refresh_lock(warehouse: Path):
    """Exclusive, non-blocking lock for runs on this warehouse (flock: released by the kernel if
    the process dies). Re-entrant in one process: `pilotage refresh` holds it around the job and
    the job's resource takes it again (runs launched from the UI take it only there)."""
    path = lock_path(Path(warehouse))
    key = str(path)
    with _held_guard:
        if key in _held:
            _held[key][1] += 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a+")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                handle.close()
                raise PilotageError(
                    f"another refresh is running on {warehouse} ({holder}); wait for it to finish "
                    f"(lock file {path})") from None
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()} since {dt.datetime.now().isoformat(timespec='seconds')}")
            handle.flush()
            _held[key] = [handle, 1]
    try:
        yield path
    finally:
        with _held_guard:
            entry = _held[key]
            entry[1] -= 1
            if entry[1] == 0:
                handle = entry[0]
                handle.seek(0)
                handle.truncate()
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
                del _held[key]


# ---------------------------------------------------------------- files


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def spill_dir(path: Path) -> Path:
    """DuckDB's temporary directory for a database file (its default `temp_directory`): where a
    connection under PILOTAGE_DUCKDB_MEMORY_LIMIT spills (scale 30). A process that ends without
    closing its connection (dbt's, which exits by os._exit: dbt_warm.py) leaves it behind."""
    return Path(f"{path}.tmp")


def _copying(path: Path) -> Path:
    """Where a copy is written before it takes `path`'s name (not `.tmp`: spill_dir)."""
    return Path(f"{path}.copying")


def _remove(path: Path) -> None:
    """The build file and what goes with it: WAL, spill directory, a copy a killed run left
    half written, sidecar files."""
    shutil.rmtree(spill_dir(path), ignore_errors=True)
    for p in (path, Path(f"{path}.wal"), _copying(path), unchanged_marker(path), recette_record_path(path),
              hash_record_path(path)):
        p.unlink(missing_ok=True)


@dataclass
class BuildStart:
    mode: str  # "copy of the published warehouse" | "empty"
    build_path: Path
    early: bool = False  # the copy was started before the job (copy_published_early)

    @property
    def source(self) -> str:
        return self.mode + (" (copied while the job started)" if self.early else "")

    def describe(self) -> str:
        return f"build {self.build_path.name} started from {self.source}"


def start_build(warehouse: Path, build_path: Path, *, from_published: bool) -> BuildStart:
    """Remove a stale build file, then start the new one from a copy of the published file (a
    read of it; the one copy_published_early made, if any) or leave it absent (DuckDB creates
    it empty)."""
    build_path.parent.mkdir(parents=True, exist_ok=True)
    early = _finish_early_copy(build_path)
    _remove(build_path)
    if from_published and warehouse.exists():
        if early is not None:
            os.replace(early, build_path)
        else:
            _snapshot(warehouse, build_path)
        return BuildStart("copy of the published warehouse", build_path, early=early is not None)
    _early_path(build_path).unlink(missing_ok=True)  # unused, or left by an interrupted run
    return BuildStart("empty", build_path)


# ------------------------------------------------------------------ the copy, started early
# A nightly's build file starts as a copy of the published one (3 GB at scale 10: 2 to 3 s).
# `pilotage refresh` starts that copy on a thread as soon as it holds the refresh lock, while
# the project's manifest is checked and Dagster starts (a few seconds of Python); the landing
# asset then takes the finished copy. A job started another way (the UI, the schedule) copies
# in the landing asset as before.
# The copy leaves gigabytes of dirty pages in the page cache: the first fsync of the build file
# (the loader's checkpoint when it closes, 1.1 to 1.4 s at scale 10) waited for all of them. The
# thread that copied goes on to write them out (fsync) while the landing loads, and the landing
# leaves its WAL to dbt's checkpoint (assets/landing.py).
_early_copies: dict[Path, tuple[threading.Event, list[OSError]]] = {}


def _early_path(build_path: Path) -> Path:
    return Path(f"{build_path}.early")


def copy_published_early(warehouse: Path, build_path: Path) -> bool:
    """Start copying the published `warehouse` to the build's early file on a thread; False
    (nothing started) when nothing is published. The caller holds the refresh lock, so the
    published file does not change meanwhile."""
    if not warehouse.exists():
        return False
    build_path.parent.mkdir(parents=True, exist_ok=True)
    copied, errors = threading.Event(), []

    def copy() -> None:
        early = _early_path(build_path)
        try:
            shutil.copyfile(warehouse, early)
        except OSError as exc:  # start_build copies again and reports its own error
            errors.append(exc)
            return
        finally:
            copied.set()
        write_back(early)

    threading.Thread(target=copy, name="pilotage-early-copy", daemon=True).start()
    _early_copies[build_path.resolve()] = (copied, errors)
    return True


def write_back(path: Path) -> None:
    """Write a file's dirty pages to disk and wait (fsync), on the calling thread; a file gone
    or renamed meanwhile is no error (the descriptor follows the renamed file)."""
    with suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextmanager
def published_copied_early(warehouse: Path, build_path: Path, *, enabled: bool):
    """copy_published_early for the time of a run: a copy the run did not take (it stopped
    before its landing step) is removed at the end."""
    started = enabled and copy_published_early(warehouse, build_path)
    try:
        yield started
    finally:
        if started and _finish_early_copy(build_path) is not None:
            _early_path(build_path).unlink(missing_ok=True)


def _finish_early_copy(build_path: Path) -> Path | None:
    """Wait for the early copy of this build, if one was started: its file when it completed,
    else None (a failed copy is removed; start_build copies again and reports its error)."""
    started = _early_copies.pop(build_path.resolve(), None)
    if started is None:
        return None
    copied, errors = started
    copied.wait()
    path = _early_path(build_path)
    if errors:
        path.unlink(missing_ok=True)
        return None
    return path if path.exists() else None


# ------------------------------------------------------------------ a run that changed nothing
# The dbt step marks a build in which neither the loader nor dbt changed the copied published
# file; the recette then keeps the verdict recorded with the published version (when its own
# inputs are the same) and the publish leaves the published file as it is. Both sidecar files
# hold the run id, so a stale one from an interrupted run never counts.


def unchanged_marker(build_path: Path) -> Path:
    return Path(f"{build_path}.unchanged")


def recette_record_path(build_path: Path) -> Path:
    return Path(f"{build_path}.recette.json")


def mark_unchanged(build_path: Path, run_id: str) -> None:
    unchanged_marker(build_path).write_text(run_id, encoding="utf-8")


def is_unchanged(build_path: Path, run_id: str) -> bool:
    marker = unchanged_marker(build_path)
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == run_id


def write_recette_record(build_path: Path, run_id: str, record: dict) -> None:
    _write_json(recette_record_path(build_path), {**record, "run_id": run_id})


def read_recette_record(build_path: Path, run_id: str) -> dict | None:
    """The recette verdict of this run on this build (None: the recette did not run)."""
    record = _read_json(recette_record_path(build_path))
    if not record or record.pop("run_id", None) != run_id:
        return None
    return record


def published_recette(build_path: Path, run_id: str, state_dir: Path, warehouse: Path,
                      inputs: str) -> dict | None:
    """The verdict recorded with the published version when this run's build is that version
    unchanged and the recette's inputs are the same; else None (run the recette)."""
    if not is_unchanged(build_path, run_id):
        return None
    recorded = (current_info(state_dir, warehouse) or {}).get("recette")
    return recorded if recorded and recorded.get("inputs") == inputs else None


def keep_published(build_path: Path, state_dir: Path, warehouse: Path, recette: dict | None) -> dict:
    """Publish of an unchanged build: drop the build file, keep the published one; a recette
    that ran anyway (new suites or cahier) updates the recorded verdict. Returns current info."""
    _remove(build_path)
    folder = history_dir(state_dir, warehouse)
    current = current_info(state_dir, warehouse) or {}
    if recette is not None:
        current = {**current, "recette": recette}
        _write_json(folder / "current.json", current)
    return current


# ------------------------------------------------------------------ the build's content hash
# The publish records the sha256 of the file it publishes: about 2 s of hashing at scale 10
# (3 GB). The recette step only reads the build, on one core: the build is hashed on the other
# one meanwhile, and the publish takes that hash when the file is still the one hashed.


def hash_record_path(build_path: Path) -> Path:
    return Path(f"{build_path}.sha256.json")


@contextmanager
def hashing_alongside(build_path: Path, run_id: str):
    """Checkpoint the build (the publish's own checkpoint then changes nothing), hash it in a
    background thread while the body only reads it, and record the hash for the publish."""
    if not build_path.exists():  # nothing to hash (the body reports the missing build)
        yield
        return
    _checkpoint(build_path)
    signature, found = stat_signature(build_path), {}

    def work() -> None:
        with suppress(OSError):
            found["sha256"] = sha256(build_path)

    worker = threading.Thread(target=work, name="pilotage-build-hash", daemon=True)
    worker.start()
    try:
        yield
    finally:
        worker.join()
    if "sha256" in found and stat_signature(build_path) == signature:
        _write_json(hash_record_path(build_path), {"run_id": run_id, "signature": signature, **found})


def build_sha256(build_path: Path, run_id: str | None) -> str:
    """The build file's sha256: the one hashing_alongside recorded in this run if the file has
    not changed since, else computed now."""
    record = _read_json(hash_record_path(build_path)) or {}
    if "sha256" in record and record.get("run_id") == run_id and record.get("signature") == stat_signature(build_path):
        return record["sha256"]
    return sha256(build_path)


SNAPSHOTS = "marts.kpi_observations"


def carry_over_snapshots(warehouse: Path, build_path: Path, as_of: dt.date) -> int:
    """Full refresh: copy the earlier snapshot rows (period_grain 'as_of', another as_of date) of
    the published kpi_observations into the rebuilt table, by column name (new columns NULL).
    Returns the number of rows carried over (0 when there is nothing to carry)."""
    if not warehouse.exists():
        return 0
    with duck.connect(build_path) as con:
        quoted = str(warehouse).replace("'", "''")
        con.execute(f"ATTACH '{quoted}' AS published (READ_ONLY)")
        try:
            def columns(catalog: str) -> list[str]:
                return [r[0] for r in con.execute(
                    "select column_name from information_schema.columns where table_catalog = ? "
                    "and table_schema = 'marts' and table_name = 'kpi_observations' order by ordinal_position",
                    [catalog]).fetchall()]

            new_cols = columns(con.execute("select current_database()").fetchone()[0])
            old_cols = set(columns("published"))
            if not new_cols or not {"period_grain", "period_start"} <= old_cols:
                return 0
            shared = [c for c in new_cols if c in old_cols]
            names = ", ".join(f'"{c}"' for c in shared)
            key = ["kpi_code", "period_grain", "period_start", "dimension", "dimension_value"]
            not_there = " and ".join(f'n."{c}" is not distinct from o."{c}"' for c in key if c in shared)
            before = con.execute(f"select count(*) from {SNAPSHOTS}").fetchone()[0]
            con.execute(f"""
                insert into {SNAPSHOTS} ({names})
                select {names} from published.{SNAPSHOTS} as o
                where o.period_grain = 'as_of' and o.period_start <> ?
                  and not exists (select 1 from {SNAPSHOTS} as n where {not_there})""", [as_of])
            after = con.execute(f"select count(*) from {SNAPSHOTS}").fetchone()[0]
            return after - before
        finally:
            con.execute("DETACH published")


# ---------------------------------------------------------------- versions


def history_dir(state_dir: Path, warehouse: Path) -> Path:
    """Per-warehouse folder of published versions under the state dir."""
    tag = hashlib.sha1(str(Path(warehouse).resolve()).encode()).hexdigest()[:8]
    return Path(state_dir) / "published" / f"{Path(warehouse).stem}-{tag}"


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_json(path: Path, data: dict) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True, default=str), encoding="utf-8")
    os.replace(tmp, path)


def current_info(state_dir: Path, warehouse: Path) -> dict | None:
    """What is known of the currently published file (written at publish / rollback)."""
    return _read_json(history_dir(state_dir, warehouse) / "current.json")


def versions(state_dir: Path, warehouse: Path) -> list[tuple[Path, dict]]:
    """Archived earlier versions, newest first: (file, its info)."""
    folder = history_dir(state_dir, warehouse)
    out = []
    for f in sorted(folder.glob("v-*.duckdb"), reverse=True):
        out.append((f, _read_json(f.with_suffix(".json")) or {}))
    return out


def _snapshot(src: Path, dst: Path) -> None:
    """A copy of `src` as `dst`, complete before it takes the name."""
    tmp = _copying(dst)
    shutil.copyfile(src, tmp)
    os.replace(tmp, dst)


def _archive_current(warehouse: Path, folder: Path, info: dict | None) -> Path:
    """Keep the file about to be replaced. A hard link when the history is on the same file
    system: the publish replaces the published path right after, so the linked file is then
    reachable only as this version, exactly as it was when it stopped being published (copying
    a scale-10 file took about 10 s of every publish). Else a copy."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = folder / f"v-{stamp}.duckdb"
    try:
        os.link(warehouse, target)
    except OSError:
        _snapshot(warehouse, target)
    _write_json(target.with_suffix(".json"), info or {"published_at": "unknown (published before history)"})
    return target


def _prune(folder: Path, keep: int) -> None:
    for f in sorted(folder.glob("v-*.duckdb"), reverse=True)[max(keep, 0):]:
        f.unlink(missing_ok=True)
        f.with_suffix(".json").unlink(missing_ok=True)


def _checkpoint(build_path: Path) -> None:
    """Fold the WAL into the file so the published file is self-contained. Without a WAL
    the file holds everything already: it is not opened (a write would move its mtime under
    the recette's read of it, recette/read_ahead.py)."""
    if not Path(f"{build_path}.wal").exists():
        return
    with duck.connect(build_path) as con:
        con.execute("CHECKPOINT")
    if Path(f"{build_path}.wal").exists():
        raise PilotageError(f"build file {build_path} still has a WAL after CHECKPOINT; not publishing")


def publish(build_path: Path, warehouse: Path, state_dir: Path, info: dict, keep: int = 3) -> dict:
    """Atomically replace the published file by the audited build file; archive the previous one.
    `info` (as_of, run id, counts) is stored with the version. Returns the new current info."""
    if not build_path.exists():
        raise PilotageError(f"nothing to publish: build file {build_path} is missing")
    _checkpoint(build_path)
    with open(build_path, "rb+") as f:
        os.fsync(f.fileno())
    folder = history_dir(state_dir, warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    if warehouse.exists():
        _archive_current(warehouse, folder, current_info(state_dir, warehouse))
    current = {**info, "sha256": build_sha256(build_path, info.get("run_id")), "bytes": build_path.stat().st_size,
               "published_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
               "warehouse": str(warehouse)}
    os.replace(build_path, warehouse)
    _fsync_dir(warehouse.parent)
    # published: record it before any clean-up, so that the record always names the file published
    _write_json(folder / "current.json", current)
    _remove(build_path)  # its sidecar files and spill directory
    _prune(folder, keep)
    return current


def rollback(warehouse_path, steps: int = 1, state_dir: Path | None = None) -> str:
    """Restore the version published `steps` publishes ago; the versions newer than it (and the
    current file, kept as `rolled-back.duckdb`) leave the history. Returns a one-line report."""
    from .settings import resolve

    warehouse = Path(warehouse_path).resolve()
    state_dir = Path(state_dir) if state_dir else resolve().state_dir
    if steps < 1:
        raise PilotageError("--steps must be at least 1")
    folder = history_dir(state_dir, warehouse)
    with refresh_lock(warehouse):
        kept = versions(state_dir, warehouse)
        if len(kept) < steps:
            raise PilotageError(f"cannot roll back {steps} version(s) of {warehouse}: "
                                f"{len(kept)} earlier version(s) kept in {folder}")
        chosen, info = kept[steps - 1]
        if warehouse.exists():
            _snapshot(warehouse, folder / "rolled-back.duckdb")
            if (cur := current_info(state_dir, warehouse)) is not None:
                _write_json(folder / "rolled-back.json", cur)
        tmp = warehouse.parent / f".{warehouse.stem}.rollback.tmp"
        shutil.copyfile(chosen, tmp)
        os.replace(tmp, warehouse)
        _fsync_dir(warehouse.parent)
        _write_json(folder / "current.json", {**info, "restored_at": dt.datetime.now(
            dt.timezone.utc).isoformat(timespec="seconds")})
        for f, _ in kept[:steps]:
            f.unlink(missing_ok=True)
            f.with_suffix(".json").unlink(missing_ok=True)
    left = len(kept) - steps
    return (f"rolled back {warehouse} by {steps} version(s): now the version published "
            f"{info.get('published_at', '?')} (as_of {info.get('as_of', '?')}); "
            f"{left} earlier version(s) left; the replaced file is kept as {folder / 'rolled-back.duckdb'}")
