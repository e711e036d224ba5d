"""Write-audit-publish primitives on small DuckDB files: atomic publish, readers, versions,
rollback, the refresh lock and the full-refresh carry-over of KPI snapshots."""
import datetime as dt
import hashlib
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import duckdb
import pytest

from orchestration import publish as wap
from orchestration.errors import PilotageError


def _make(path: Path, value: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists marts")
        con.execute("create or replace table marts.n as select ? as value", [value])


def _value(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select value from marts.n").fetchone()[0]


@pytest.fixture
def wh(tmp_path):
    return tmp_path / "wh" / "pilotage.duckdb", tmp_path / "wh" / ".pilotage.build.duckdb", tmp_path / "state"


def _publish(wh, value, keep=3):
    warehouse, build, state = wh
    _make(build, value)
    return wap.publish(build, warehouse, state, {"as_of": f"2026-03-{value:02d}", "alerts": value}, keep=keep)


def test_publish_replaces_atomically_and_keeps_versions(wh):
    warehouse, build, state = wh
    first = _publish(wh, 1)
    assert _value(warehouse) == 1 and not build.exists()
    assert first["sha256"] == wap.sha256(warehouse)
    assert wap.current_info(state, warehouse)["alerts"] == 1
    for v in (2, 3, 4, 5):
        _publish(wh, v)
    assert _value(warehouse) == 5
    kept = wap.versions(state, warehouse)
    assert [info["alerts"] for _, info in kept] == [4, 3, 2]  # newest first, keep = 3
    assert [_value(f) for f, _ in kept] == [4, 3, 2]


def test_the_archived_version_is_the_replaced_file_itself(wh):
    """Same file system: the version is a hard link to the replaced file (no copy), and a
    rollback restores a copy (writing to the restored file leaves the version intact)."""
    warehouse, _, state = wh
    _publish(wh, 1)
    inode = warehouse.stat().st_ino
    _publish(wh, 2)
    (archived, info), = wap.versions(state, warehouse)
    assert archived.stat().st_ino == inode and info["alerts"] == 1
    assert warehouse.stat().st_ino != inode and _value(warehouse) == 2
    wap.rollback(warehouse, state_dir=state)
    assert _value(warehouse) == 1 and warehouse.stat().st_ino != inode


def test_reader_keeps_old_file_and_is_never_blocked(wh):
    warehouse, build, state = wh
    _publish(wh, 1)
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        _make(build, 2)  # writing the build file never touches the published one
        wap.publish(build, warehouse, state, {"as_of": "x"})
        assert reader.execute("select value from marts.n").fetchone()[0] == 1  # old snapshot, consistent
        code = f"import duckdb; print(duckdb.connect({str(warehouse)!r}, read_only=True).execute('select value from marts.n').fetchone()[0])"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.strip() == "2"  # a new reader sees the published file
    finally:
        reader.close()


def test_publish_refuses_missing_build(wh):
    warehouse, build, state = wh
    with pytest.raises(PilotageError, match="nothing to publish"):
        wap.publish(build, warehouse, state, {})


def test_start_build(wh):
    warehouse, build, state = wh
    _make(build, 99)  # stale build of a killed run
    assert wap.start_build(warehouse, build, from_published=True).mode == "empty"  # nothing published yet
    assert not build.exists()
    _publish(wh, 7)
    before = wap.sha256(warehouse)
    start = wap.start_build(warehouse, build, from_published=True)
    assert start.mode == "copy of the published warehouse" and _value(build) == 7
    _make(build, 8)
    assert wap.sha256(warehouse) == before
    assert wap.start_build(warehouse, build, from_published=False).mode == "empty" and not build.exists()


def _spill_and_die(build: Path) -> None:
    """What a build process under the memory limit leaves (dbt's, which exits by os._exit): a
    table written through DuckDB's spill directory, the process gone without closing it."""
    code = textwrap.dedent(f"""
        import os, duckdb
        con = duckdb.connect({str(build)!r}, config={{"memory_limit": "40MB", "threads": 1,
                                                      "preserve_insertion_order": False}})
        con.execute("create schema marts")
        con.execute("create table marts.n as select 5 as value")
        con.execute("create table marts.sorted as select md5(i::varchar) as h from range(1000000) r(i) order by h")
        os._exit(0)
    """)
    build.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_build_that_spilled_is_published_and_its_spill_directory_removed(wh):
    """A full refresh at scale 30 spilled, and the publish failed on the directory DuckDB left
    (`IsADirectoryError: .pilotage.build.duckdb.tmp`) after it had replaced the published file."""
    warehouse, build, state = wh
    _spill_and_die(build)
    assert wap.spill_dir(build).is_dir()  # DuckDB's default temp_directory: <database>.tmp
    current = wap.publish(build, warehouse, state, {"as_of": "2026-03-05"})
    assert _value(warehouse) == 5 and current["sha256"] == wap.sha256(warehouse)
    assert wap.current_info(state, warehouse)["sha256"] == current["sha256"]
    assert sorted(p.name for p in warehouse.parent.iterdir()) == ["pilotage.duckdb"]


def test_a_spill_directory_left_by_a_killed_run_does_not_stop_the_next(wh):
    warehouse, build, state = wh
    _publish(wh, 7)
    Path(f"{build}.copying").write_bytes(b"x" * 1024)  # a run killed while copying the published file
    assert wap.start_build(warehouse, build, from_published=False).mode == "empty"  # a full refresh
    assert sorted(p.name for p in build.parent.iterdir()) == ["pilotage.duckdb"]
    _spill_and_die(build)  # a run killed after it spilled
    (wap.spill_dir(build) / "duckdb_temp_storage-0.tmp").write_bytes(b"x" * 1024)
    start = wap.start_build(warehouse, build, from_published=True)
    assert start.mode == "copy of the published warehouse" and _value(build) == 7
    assert not wap.spill_dir(build).exists()


def test_start_build_takes_the_copy_started_early(wh):
    warehouse, build, state = wh
    _publish(wh, 7)
    early = Path(f"{build}.early")
    with wap.published_copied_early(warehouse, build, enabled=True) as started:
        assert started
        start = wap.start_build(warehouse, build, from_published=True)
        assert (start.mode, start.early) == ("copy of the published warehouse", True)
        assert start.describe() == "build .pilotage.build.duckdb started from copy of the published warehouse (copied while the job started)"
        assert _value(build) == 7 and not early.exists()
    # a full refresh does not want it: the early file goes, the build starts empty
    with wap.published_copied_early(warehouse, build, enabled=True):
        start = wap.start_build(warehouse, build, from_published=False)
        assert (start.mode, start.early) == ("empty", False) and not build.exists() and not early.exists()
    # a run that stopped before its landing step leaves no copy behind
    with wap.published_copied_early(warehouse, build, enabled=True):
        pass
    assert not early.exists()
    # nothing published: nothing started; disabled: nothing started
    with wap.published_copied_early(warehouse.with_name("none.duckdb"), build, enabled=True) as started:
        assert started is False
    with wap.published_copied_early(warehouse, build, enabled=False) as started:
        assert started is False and not early.exists()
    assert wap.start_build(warehouse, build, from_published=True).early is False  # copies itself


def test_the_early_copy_is_written_to_disk_after_it_is_handed_over(wh, monkeypatch):
    """The copying thread fsyncs the copy (publish.write_back) after start_build took it: the
    landing does not wait for the write-back."""
    warehouse, build, state = wh
    _publish(wh, 7)
    release, written = threading.Event(), []

    def slow_write_back(path):
        release.wait(10)
        written.append(path)

    monkeypatch.setattr(wap, "write_back", slow_write_back)
    with wap.published_copied_early(warehouse, build, enabled=True):
        start = wap.start_build(warehouse, build, from_published=True)
        assert start.early and _value(build) == 7 and written == []
        release.set()
    for _ in range(100):
        if written:
            break
        time.sleep(0.05)
    assert written == [Path(f"{build}.early")]  # the descriptor follows the renamed file
    wap.write_back(build.with_name("gone.duckdb"))  # a missing file is no error


def test_a_file_without_wal_is_not_opened_to_checkpoint(wh):
    warehouse, build, state = wh
    _make(build, 5)
    before = build.stat().st_mtime_ns
    wap._checkpoint(build)
    assert build.stat().st_mtime_ns == before and _value(build) == 5


def test_a_failed_early_copy_falls_back_to_the_landing_copy(wh, monkeypatch):
    warehouse, build, state = wh
    _publish(wh, 7)
    real_copyfile = wap.shutil.copyfile

    def failing(src, dst, *args, **kwargs):
        if str(dst).endswith(".early"):
            raise OSError(28, "No space left on device")
        return real_copyfile(src, dst, *args, **kwargs)

    monkeypatch.setattr(wap.shutil, "copyfile", failing)
    with wap.published_copied_early(warehouse, build, enabled=True) as started:
        assert started
        start = wap.start_build(warehouse, build, from_published=True)
    assert (start.mode, start.early) == ("copy of the published warehouse", False) and _value(build) == 7


def test_rollback(wh):
    warehouse, build, state = wh
    with pytest.raises(PilotageError, match="0 earlier version"):
        wap.rollback(warehouse, steps=1, state_dir=state)
    for v in (1, 2, 3):
        _publish(wh, v)
    message = wap.rollback(warehouse, steps=1, state_dir=state)
    assert _value(warehouse) == 2 and "as_of 2026-03-02" in message
    assert wap.current_info(state, warehouse)["alerts"] == 2
    assert [i["alerts"] for _, i in wap.versions(state, warehouse)] == [1]
    assert _value(wap.history_dir(state, warehouse) / "rolled-back.duckdb") == 3
    with pytest.raises(PilotageError, match="cannot roll back 2"):
        wap.rollback(warehouse, steps=2, state_dir=state)
    wap.rollback(warehouse, steps=1, state_dir=state)
    assert _value(warehouse) == 1


def test_rollback_cli(wh, tmp_path):
    warehouse, build, state = wh
    for v in (1, 2):
        _publish(wh, v)
    env = {"PILOTAGE_STATE_DIR": str(state), "PATH": "/usr/bin:/bin"}
    exe = Path(sys.executable).parent / "pilotage"
    out = subprocess.run([str(exe), "rollback", "--warehouse", str(warehouse)], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr
    assert "rolled back" in out.stdout and _value(warehouse) == 1
    out = subprocess.run([str(exe), "rollback", "--warehouse", str(warehouse), "--steps", "3"],
                         capture_output=True, text=True, env=env)
    assert out.returncode == 1 and out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


def test_lock_is_exclusive_across_processes_and_reentrant(wh):
    warehouse, _, _ = wh
    warehouse.parent.mkdir(parents=True)
    code = textwrap.dedent(f"""
        from orchestration.publish import refresh_lock
        from orchestration.errors import PilotageError
        try:
            with refresh_lock(__import__('pathlib').Path({str(warehouse)!r})):
                print('acquired')
        except PilotageError as e:
            print('busy:', e)
    """)
    with wap.refresh_lock(warehouse):
        with wap.refresh_lock(warehouse):  # re-entrant in the same process
            pass
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.startswith("busy: another refresh is running") and f"pid " in out
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "acquired"  # released


def _observations(path: Path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists marts")
        con.execute("create or replace table marts.kpi_observations (kpi_code varchar, period_grain varchar, "
                    "period_start date, dimension varchar, dimension_value varchar, value double)")
        con.executemany("insert into marts.kpi_observations values (?, ?, ?, 'total', 'all', ?)", rows)


def test_carry_over_snapshots(wh):
    warehouse, build, state = wh
    d = dt.date.fromisoformat
    _observations(warehouse, [("k", "as_of", d("2026-03-13"), 1.0), ("k", "as_of", d("2026-03-14"), 2.0),
                              ("k", "as_of", d("2026-03-15"), 9.0), ("k", "month", d("2026-03-01"), 9.0)])
    _observations(build, [("k", "as_of", d("2026-03-15"), 3.0), ("k", "month", d("2026-03-01"), 4.0)])
    assert wap.carry_over_snapshots(warehouse, build, d("2026-03-15")) == 2
    with duckdb.connect(str(build), read_only=True) as con:
        rows = con.execute("select period_grain, period_start, value from marts.kpi_observations order by 1, 2").fetchall()
    assert rows == [("as_of", d("2026-03-13"), 1.0), ("as_of", d("2026-03-14"), 2.0),
                    ("as_of", d("2026-03-15"), 3.0), ("month", d("2026-03-01"), 4.0)]
    assert wap.carry_over_snapshots(warehouse, build, d("2026-03-15")) == 0  # idempotent
    assert wap.carry_over_snapshots(warehouse.parent / "none.duckdb", build, d("2026-03-15")) == 0


def test_an_unchanged_build_keeps_the_published_verdict_for_its_run_only(wh):
    warehouse, build, state = wh
    verdict = {"inputs": "fp1", "success": True, "verdict": "passed", "summary": "s", "report_path": "r"}
    wap.publish(_make(build, 1) or build, warehouse, state, {"as_of": "2026-03-01", "recette": verdict})
    wap.start_build(warehouse, build, from_published=True)
    assert wap.published_recette(build, "run-2", state, warehouse, "fp1") is None  # not marked
    wap.mark_unchanged(build, "run-2")
    assert wap.published_recette(build, "run-3", state, warehouse, "fp1") is None  # another run's mark
    assert wap.published_recette(build, "run-2", state, warehouse, "fp2") is None  # suites or cahier changed
    assert wap.published_recette(build, "run-2", state, warehouse, "fp1") == verdict
    published = wap.sha256(warehouse)
    current = wap.keep_published(build, state, warehouse, recette=None)
    assert current["recette"] == verdict and wap.sha256(warehouse) == published
    assert not build.exists() and not wap.unchanged_marker(build).exists() and wap.versions(state, warehouse) == []


def test_a_recette_re_run_on_an_unchanged_build_updates_the_recorded_verdict(wh):
    warehouse, build, state = wh
    old = {"inputs": "fp1", "success": True, "verdict": "passed", "summary": "s", "report_path": "r"}
    wap.publish(_make(build, 1) or build, warehouse, state, {"as_of": "2026-03-01", "recette": old})
    wap.start_build(warehouse, build, from_published=True)
    wap.mark_unchanged(build, "run-2")
    new = {**old, "inputs": "fp2", "report_path": "r2"}
    wap.write_recette_record(build, "run-2", new)
    assert wap.read_recette_record(build, "run-1") is None
    assert wap.keep_published(build, state, warehouse, wap.read_recette_record(build, "run-2"))["recette"] == new
    assert wap.current_info(state, warehouse)["recette"] == new
    wap.write_recette_record(build, "run-3", new)  # left by an interrupted run
    wap.mark_unchanged(build, "run-3")
    wap.start_build(warehouse, build, from_published=True)
    assert not wap.recette_record_path(build).exists() and not wap.unchanged_marker(build).exists()


@pytest.fixture
def hashed(monkeypatch):
    """Files hashed by the publish module (its sha256), by name."""
    calls: list[str] = []
    real = wap.sha256

    def spy(path):
        calls.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(wap, "sha256", spy)
    return calls


def test_the_build_hashed_alongside_the_recette_is_not_hashed_again_at_publish(wh, hashed):
    warehouse, build, state = wh
    _make(build, 7)
    with wap.hashing_alongside(build, "run-1"):
        assert _value(build) == 7  # what the recette does meanwhile: read the build
    expected = hashlib.sha256(build.read_bytes()).hexdigest()
    current = wap.publish(build, warehouse, state, {"as_of": "2026-03-07", "run_id": "run-1"})
    assert current["sha256"] == expected == hashlib.sha256(warehouse.read_bytes()).hexdigest()
    assert hashed == [build.name]  # once, in the background
    assert not wap.hash_record_path(build).exists()  # removed with the build's other sidecars


def test_a_build_changed_after_its_hash_or_of_another_run_is_hashed_again(wh, hashed):
    warehouse, build, state = wh
    _make(build, 7)
    with wap.hashing_alongside(build, "run-1"):
        pass
    assert wap.build_sha256(build, "run-2") == hashlib.sha256(build.read_bytes()).hexdigest()
    _make(build, 8)  # written after the hash
    current = wap.publish(build, warehouse, state, {"as_of": "2026-03-08", "run_id": "run-1"})
    assert current["sha256"] == hashlib.sha256(warehouse.read_bytes()).hexdigest()
    assert hashed == [build.name] * 3 and _value(warehouse) == 8


def test_hashing_alongside_a_missing_build_creates_nothing(wh):
    _, build, _ = wh
    with wap.hashing_alongside(build, "run-1"):
        pass
    assert not build.exists() and not wap.hash_record_path(build).exists()
