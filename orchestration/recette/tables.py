"""A published table's contract (columns, types, key) and the structure expectations it implies.

The contracts themselves are written in `expectations/<table>.py`; this module turns one into
the GX expectations of its `structure.<table>` suite.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .gx_import import gxe


# Type family of a contract column -> the DuckDB type names it accepts (DECIMAL(p,s) is read
# as DECIMAL). `any` columns are checked for presence only.
TYPE_FAMILIES: dict[str, tuple[str, ...]] = {
    "text": ("VARCHAR",),
    "date": ("DATE",),
    "double": ("DOUBLE",),
    "integer": ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
                "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"),
    "boolean": ("BOOLEAN",),
    "timestamp": ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_NS", "TIMESTAMP_MS",
                  "TIMESTAMP_S"),
}
TYPE_FAMILIES["number"] = TYPE_FAMILIES["integer"] + ("DOUBLE", "FLOAT", "DECIMAL")


@dataclass(frozen=True)
class TableSpec:
    """The contract of one published table (outputs.md)."""

    name: str                        # schema.table
    columns: dict[str, str]          # column -> type family (TYPE_FAMILIES key, or "any")
    key: tuple[str, ...] = ()        # unique, possibly compound
    not_null: tuple[str, ...] = ()   # besides the key columns
    min_rows: int = 0
    index: tuple[str, ...] = field(default=())  # columns naming a failing row in the report

    @property
    def short(self) -> str:
        return self.name.split(".", 1)[1]

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self.key + self.not_null))


def structure_expectations(spec: TableSpec) -> list:
    """Columns exist (one expectation: its result lists the missing ones), key and required
    columns are not NULL, the key is unique, rows exist. Types: suite structure.column_types."""
    exps: list = [gxe.ExpectTableColumnsToMatchSet(
        column_set=list(spec.columns), exact_match=False,
        description=f"{spec.name} has at least the columns of the output contract: "
                    + ", ".join(spec.columns))]
    exps += [gxe.ExpectColumnValuesToNotBeNull(column=c) for c in spec.required]
    if len(spec.key) == 1:
        exps.append(gxe.ExpectColumnValuesToBeUnique(column=spec.key[0]))
    elif spec.key:
        exps.append(gxe.ExpectCompoundColumnsToBeUnique(
            column_list=list(spec.key),
            description=f"one row per ({', '.join(spec.key)})"))
    if spec.min_rows:
        exps.append(gxe.ExpectTableRowCountToBeBetween(
            min_value=spec.min_rows, description=f"{spec.name} is not empty"))
    return exps


def is_true(column: str, description: str, severity: str = "critical"):
    """Expectation on a derived boolean check column: every row holds."""
    return gxe.ExpectColumnValuesToBeInSet(
        column=column, value_set=[True], description=description, severity=severity)
