"""The recette's reader for the PostgreSQL target: the build schemas (`marts__build`,
`audit__build`) read into the same Warehouse the DuckDB reader returns.

Column types come from PostgreSQL's catalog, named as DuckDB names them (pg_mirror), so the
structure suites judge what BI tools see; rows go through an in-memory DuckDB copy so the
DataFrames have exactly the dtypes of the DuckDB reader (dates, doubles, NULLs alike).
"""
from __future__ import annotations

from dataclasses import dataclass

from .spec import RecetteSpec
from .warehouse import Warehouse, assemble

SCHEMAS = ("marts", "audit")


@dataclass(frozen=True)
class PgWarehouse:
    target: object  # postgres.PgTarget
    suffix: str     # "__build": the schemas audited before the swap

    @property
    def label(self) -> str:
        return f"{self.target.label} (schemas {', '.join(s + self.suffix for s in SCHEMAS)})"

    def read(self, spec: RecetteSpec) -> Warehouse:
        import duckdb

        from ..pg_mirror import copy_table, duckdb_type, pg_columns

        with self.target.connect() as pg, duckdb.connect() as duck:
            found = pg_columns(pg, [s + self.suffix for s in SCHEMAS])
            published = {(schema[: -len(self.suffix)] if self.suffix else schema, table): cols
                         for (schema, table), cols in found.items()}
            rows = [(schema, table, column, duckdb_type(pg_type))
                    for (schema, table), cols in sorted(published.items()) for column, pg_type in cols]

            def fetch(schema: str, table: str):
                copy_table(pg, duck, (schema + self.suffix, table), (schema, table), published[(schema, table)])
                return duck.execute(f'select * from "{schema}"."{table}"').df()

            def query(schema: str, table: str, sql: str):
                if (schema, table) not in copied:
                    copy_table(pg, duck, (schema + self.suffix, table), (schema, table), published[(schema, table)])
                    copied.add((schema, table))
                return duck.execute(sql).fetchone()

            copied: set[tuple[str, str]] = set()
            return assemble(self.label, rows, spec, fetch, query)
