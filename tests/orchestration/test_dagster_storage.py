"""The Dagster instance's storage (orchestration/dagster_storage.py) and its dagster.yaml."""
from __future__ import annotations

import dagster as dg
import pytest
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage

from orchestration import dagster_storage
from orchestration.refresh import EARLIER_INSTANCE_YAML, INSTANCE_MARKER, dagster_home
from orchestration.settings import Settings


@dg.asset
def numbers():
    return 1


@dg.asset
def doubled(numbers):
    return numbers * 2


JOB = dg.define_asset_job("numbers_job", [numbers, doubled])
DEFS = dg.Definitions(assets=[numbers, doubled], jobs=[JOB])


def _settings(tmp_path) -> Settings:
    import datetime as dt

    return Settings(landing=tmp_path / "landing", warehouse=tmp_path / "w.duckdb", as_of=dt.date(2026, 3, 15),
                    timezone="Europe/Paris", target="duckdb", state_dir=tmp_path / "state")


def _run(home) -> str:
    with dg.DagsterInstance.from_config(str(home)) as instance:
        result = DEFS.resolve_job_def("numbers_job").execute_in_process(instance=instance)
        assert result.success
        return result.run_id


def test_the_instance_uses_the_pooled_event_log_and_dagster_s_own_layout(tmp_path):
    home = dagster_home(_settings(tmp_path))
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.event_log_storage) is dagster_storage.PooledSqliteEventLogStorage
    run_id = _run(home)
    assert (home / "history" / "runs" / f"{run_id}.db").is_file()
    assert (home / "history" / "runs.db").is_file()


def test_the_event_log_commits_without_an_fsync_each(tmp_path):
    """WAL mode (Dagster's) with synchronous=NORMAL (1) on the pooled connections; FULL (2)
    is SQLite's default."""
    home = dagster_home(_settings(tmp_path))
    run_id = _run(home)
    with dg.DagsterInstance.from_config(str(home)) as instance:
        storage = instance.event_log_storage
        for shard in (run_id, "index"):
            with storage._connect(shard) as conn:
                assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
                assert conn.exec_driver_sql("pragma synchronous").scalar() == 1


def test_dagster_s_default_storage_reads_what_the_pooled_one_wrote(tmp_path):
    """Same files and tables: the UI, or an instance without this module, sees the history."""
    home = dagster_home(_settings(tmp_path))
    run_id = _run(home)
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "dagster.yaml").write_text(f"storage:\n  sqlite:\n    base_dir: {home}\n", encoding="utf-8")
    with dg.DagsterInstance.from_config(str(plain)) as instance:
        assert type(instance.event_log_storage) is SqliteEventLogStorage
        assert [r.run_id for r in instance.get_runs()] == [run_id]
        kinds = [e.dagster_event.event_type_value for e in instance.all_logs(run_id) if e.dagster_event]
        assert kinds.count("ASSET_MATERIALIZATION") == 2 and kinds[-1] == "PIPELINE_SUCCESS"
        assert instance.get_latest_materialization_event(dg.AssetKey("doubled")).run_id == run_id


@pytest.mark.parametrize("before, rewritten", [
    (None, True),                                # a new state dir
    (EARLIER_INSTANCE_YAML, True),               # written by an earlier version: upgraded
    (INSTANCE_MARKER + "telemetry:\n  enabled: true\n", True),  # ours, outdated: rewritten
    ("telemetry:\n  enabled: true\n", False),    # someone's own file: kept
])
def test_dagster_yaml_is_written_unless_someone_edited_it(tmp_path, before, rewritten):
    settings = _settings(tmp_path)
    config = settings.state_dir / "dagster_home" / "dagster.yaml"
    if before is not None:
        config.parent.mkdir(parents=True)
        config.write_text(before, encoding="utf-8")
    home = dagster_home(settings)
    text = config.read_text(encoding="utf-8")
    expected = (INSTANCE_MARKER + EARLIER_INSTANCE_YAML + dagster_storage.instance_yaml(str(home))
                if rewritten else before)
    assert text == expected


def test_the_replaced_dagster_members_are_still_there():
    for name in ("_connect", "_initdb", "conn_string_for_shard", "from_config_value", "dispose"):
        assert callable(getattr(SqliteEventLogStorage, name)), name
    storage = SqliteEventLogStorage.__new__(SqliteEventLogStorage)
    SqliteEventLogStorage.__init__(storage, "/tmp/pilotage-storage-probe")
    assert hasattr(storage, "_db_lock") and hasattr(storage, "_initialized_dbs")
    storage.dispose()
