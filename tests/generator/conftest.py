"""Fixtures of the generator tests: one small generated landing directory per session, and a
tiny independent reader of it (DuckDB) that applies the landing contract: unparsable rows are
dropped (quarantined), the greatest updated_at wins, tombstones are removed."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from orchestration.contract import BY_PATH
from orchestration.generator import generate

SCALE = 0.02
SEED = 7
DELTA_DAYS = 2


@pytest.fixture(scope="session")
def generated(tmp_path_factory):
    """(report, landing dir) of one generation at scale 0.02 with 2 delta days."""
    root = tmp_path_factory.mktemp("gen")
    landing = root / "landing"
    report = generate(landing, scale=SCALE, seed=SEED, delta_days=DELTA_DAYS)
    return report, landing


def _delimiter(path: Path) -> str:
    with open(path, encoding="utf-8") as fh:
        header = fh.readline()
    return ";" if header.count(";") > header.count(",") else ","


def _typed(col, delim: str) -> str:
    """SQL parsing one raw VARCHAR column as the contract type (NULL when it cannot parse)."""
    q = f'"{col.name}"'
    if col.type == "num":
        raw = f"replace({q}, ',', '.')" if delim == ";" else q
        return f"TRY_CAST({raw} AS DOUBLE)"
    if col.type == "int":
        return f"TRY_CAST({q} AS BIGINT)"
    if col.type == "date":
        return f"TRY_CAST({q} AS DATE)"
    if col.type == "bool":
        return (f"CASE WHEN lower({q}) IN ('true','1','yes','oui') THEN true "
                f"WHEN lower({q}) IN ('false','0','no','non') THEN false END")
    if col.type == "ts":
        return (f"CASE WHEN regexp_matches({q}, '(Z|[+-][0-9][0-9]:[0-9][0-9])$') "
                f"THEN timezone('Europe/Paris', TRY_CAST({q} AS TIMESTAMPTZ)) ELSE TRY_CAST({q} AS TIMESTAMP) END")
    return q


class Landing:
    """Reads a landing directory like the pipeline would (simplified)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.con = duckdb.connect()
        self.con.execute("SET TimeZone = 'Europe/Paris'")
        self._cache = {}

    def files(self, path: str) -> list[Path]:
        return sorted((self.root / path).glob("*.csv"))

    def rows(self, path: str):
        """All parsable rows of all files of an entity (every version), as a DuckDB relation name."""
        if path in self._cache:
            return self._cache[path]
        ent = BY_PATH[path]
        selects = []
        for f in self.files(path):
            delim = _delimiter(f)
            cols = ", ".join(f'{_typed(c, delim)} AS "{c.name}"' for c in ent.columns)
            ok = " AND ".join(f'("{c.name}" IS NULL OR ({_typed(c, delim)}) IS NOT NULL)' for c in ent.columns)
            selects.append(
                f"SELECT {cols}, '{f.name}' AS _file FROM read_csv('{f}', delim='{delim}', header=true, "
                f"all_varchar=true, quote='\"', escape='\"', null_padding=false, ignore_errors=true, "
                f"strict_mode=true) WHERE {ok}")
        name = "t_" + path.replace("/", "__")
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name}_all AS " + " UNION ALL ".join(selects))
        self._cache[path] = f"{name}_all"
        return self._cache[path]

    def live(self, path: str, base_only: bool = False) -> str:
        """Current, non-deleted versions (append-only entities: de-duplicated rows);
        base_only: ignoring the delta files (`delta-*.csv`) applied to this landing."""
        key = ("live", path, base_only)
        if key in self._cache:
            return self._cache[key]
        ent = BY_PATH[path]
        allrows = self.rows(path)
        name = allrows.replace("_all", "_base" if base_only else "_live")
        if base_only:
            allrows = f"(SELECT * FROM {allrows} WHERE _file NOT LIKE 'delta-%')"
        cols = ", ".join(f'"{c}"' for c in ent.column_names)
        if ent.append_only:
            sql = f"SELECT DISTINCT {cols} FROM {allrows}"
        else:
            keys = ", ".join(f'"{k}"' for k in ent.key)
            sql = (f"SELECT {cols} FROM (SELECT *, row_number() OVER (PARTITION BY {keys} "
                   f"ORDER BY updated_at DESC, _file DESC) AS rn FROM {allrows}) WHERE rn = 1")
            if ent.has_tombstones:
                sql += " AND coalesce(is_deleted, false) = false"
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")
        self._cache[key] = name
        return name

    def sql(self, query: str):
        return self.con.execute(query).fetchall()

    def scalar(self, query: str):
        return self.con.execute(query).fetchone()[0]


@pytest.fixture(scope="session")
def landing(generated):
    return Landing(generated[1])


@pytest.fixture(scope="session")
def landing_reader():
    """The reader class, for tests that read another landing directory."""
    return Landing
