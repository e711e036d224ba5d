"""Suites `structure.load_audit` and `sanity.load_audit`. The invariant rows_read =
rows_loaded + rows_quarantined is a coherence rule (suite `coherence`)."""
import great_expectations.expectations as gxe

from orchestration.recette.tables import TableSpec

TABLE = TableSpec(
    name="audit.load_audit",
    columns={"source": "text", "entity": "text", "file": "text", "rows_read": "integer",
             "rows_loaded": "integer", "rows_quarantined": "integer", "loaded_at": "timestamp"},
    key=("file",), not_null=("source", "entity", "rows_read", "rows_loaded", "rows_quarantined"),
    index=("file",))


def prepare(frame, spec):
    return frame


def sanity(spec) -> list:
    return [gxe.ExpectColumnValuesToBeBetween(column=c, min_value=0)
            for c in ("rows_read", "rows_loaded", "rows_quarantined")]
