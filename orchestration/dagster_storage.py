"""Dagster's SQLite storage, with the event log's database engines kept open.

Dagster's SqliteEventLogStorage creates a SQLAlchemy engine, connects, writes and disposes of
the engine for every event it stores (twice for an asset event: the run's database and the
asset index). A nightly stores about 900 events (planned materializations and checks, outputs,
materializations, check results): at 3 to 6 ms each, ~3 s of the Dagster process's time, 2 s of
it before the first step. Keeping one engine per database makes an event ~1 to 2 ms. Same
files, same tables, same layout as Dagster's default `storage: sqlite` (the UI reads them as
before); writes still go one transaction per event under the storage's lock.

The event log databases are in WAL mode (Dagster sets it); its connections also use
`synchronous=NORMAL`, SQLite's setting for WAL: a commit is not fsynced, the WAL is at each
checkpoint. A crash of the machine can lose the last events of a run, never corrupt the file.
An event makes two to three commits (the run's database, the asset index): with an fsync each,
the ~1,000 events of a nightly at scale 10 spent 3.1 to 3.3 s in `store_event`, 1.9 to 2.2 s
without (0.9 to 1.0 s -> 0.6 to 0.8 s of it before the first step).

refresh.dagster_home writes the instance's dagster.yaml with this storage;
tests/orchestration/test_dagster_storage.py fails if a Dagster upgrade renames what is replaced.
"""
from __future__ import annotations

from contextlib import contextmanager

from dagster._core.storage.event_log.sqlite.sqlite_event_log import (SQLITE_BUSY_TIMEOUT_SECONDS,
                                                                     SqliteEventLogStorage)
from dagster._core.storage.sqlite_storage import DagsterSqliteStorage, _event_logs_directory
from sqlalchemy import create_engine, event

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
                event.listen(engine, "connect", _no_fsync_per_commit)
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


def _no_fsync_per_commit(dbapi_connection, _record) -> None:
    dbapi_connection.execute("pragma synchronous = normal")


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
