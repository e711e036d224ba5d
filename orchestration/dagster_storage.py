"""Dagster's SQLite storage, with the event log's database engines kept open.

Dagster's SqliteEventLogStorage creates a SQLAlchemy engine, connects, writes and disposes of
the engine for every event it stores (twice for an asset event: the run's database and the
asset index). A nightly stores about 900 events (planned materializations and checks, outputs,
materializations, check results): at 3 to 6 ms each, ~3 s of the Dagster process's time, 2 s of
it before the first step. Keeping one engine per database makes an event ~1 to 2 ms. Same
files, same tables, same layout as Dagster's default `storage: sqlite` (the UI reads them as
before); writes still go one transaction per event under the storage's lock.

refresh.dagster_home writes the instance's dagster.yaml with this storage;
tests/orchestration/test_dagster_storage.py fails if a Dagster upgrade renames what is replaced.
"""
from __future__ import annotations

from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.sqlite_event_log import (SQLITE_BUSY_TIMEOUT_SECONDS,
                                                                     SqliteEventLogStorage)
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from sqlalchemy import create_engine

MODULE, CLASS = __name__, "PilotageSqliteStorage"


class PooledSqliteEventLogStorage(SqliteEventLogStorage):
    """SqliteEventLogStorage whose `_connect` reuses one engine (and its connection pool) per
    shard instead of creating and disposing of one per event."""

    def __init__(self, base_dir: str, inst_data=None):
        self._engines: dict[str, object] = {}  # shard -> its engine, made on first use
        super().__init__(base_dir, inst_data=inst_data)

    @classmethod
    def from_config_value(cls, inst_data, config_value):
        return cls(inst_data=inst_data, **config_value)

    @contextmanager
    def _connect(self, shard: str):
        with self._db_lock:
            engine = self._engines.get(shard)
            if engine is None:
                engine = create_engine(self.conn_string_for_shard(shard),
                                       connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS})
                if shard not in self._initialized_dbs:
                    self._initdb(engine)
                    self._initialized_dbs.add(shard)
                self._engines[shard] = engine
            with engine.connect() as conn, conn.begin():
                yield conn

    def dispose(self) -> None:
        for engine in self._engines.values():
            engine.dispose()
        self._engines.clear()
        super().dispose()


class PilotageSqliteStorage(DagsterSqliteStorage):
    """Dagster's `storage: sqlite` (runs, event logs, schedules under base_dir), with the
    pooled event log."""

    def __init__(self, base_dir: str, inst_data=None):
        super().__init__(base_dir, inst_data=inst_data)
        self._event_log_storage = PooledSqliteEventLogStorage(_event_logs_directory(base_dir))

    @classmethod
    def from_config_value(cls, inst_data, config_value):
        return cls.from_local(inst_data=inst_data, **config_value)


def instance_yaml(base_dir: str) -> str:
    """The storage section of a dagster.yaml using PilotageSqliteStorage at base_dir."""
    return (f"storage:\n  custom:\n    module: {MODULE}\n    class: {CLASS}\n"
            f"    config:\n      base_dir: {base_dir}\n")
