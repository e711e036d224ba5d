"""Suites `structure.quarantine` and `sanity.quarantine`: every quarantined row says where it
came from and why (a file rejected whole is one row with line_number NULL)."""
import great_expectations.expectations as gxe

from orchestration.recette.tables import TableSpec

TABLE = TableSpec(
    name="audit.quarantine",
    columns={"source": "text", "entity": "text", "file": "text", "line_number": "integer",
             "reason": "text", "raw_line": "text"},
    not_null=("source", "entity", "file", "reason"), index=("file", "line_number"))


def prepare(frame, spec):
    return frame


def sanity(spec) -> list:
    return [gxe.ExpectColumnValuesToBeBetween(
        column="line_number", min_value=1, description="line numbers count from 1 (the header)")]
