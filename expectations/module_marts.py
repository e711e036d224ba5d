"""Suite `structure.module_marts`: every module publishes marts, and each mart found in the
warehouse (marts.<module>__<what>) keeps its dbt contract (models/marts/**/*.yml).

A mart's contract is its dbt documentation: the documented columns exist, the columns of its
`unique_key` / `unique` / `not_null` tests are not NULL and its keys are unique; every published
column is documented (warning). The marts are profiled in pandas (one row per mart, see
orchestration/recette/marts.py) and the profile is validated here: one checkpoint for all the
marts instead of one per mart, whose fixed GX cost would dominate the recette.
"""
from orchestration.recette.tables import is_true
import great_expectations.expectations as gxe

# Key members that are NULL by design, per mart: a sync error names one side of the link only.
NULLABLE_KEY_COLUMNS = {
    "data_quality__sync_errors": {"account_id"},
}

INDEX = ("module", "mart", "details")


def expectations() -> list:
    return [
        is_true("module_has_marts",
                "every module of spec/kpis.yml publishes at least one marts.<module>__<what>"),
        gxe.ExpectColumnValuesToBeBetween(
            column="missing_columns", max_value=0,
            description="every documented column of a mart exists"),
        gxe.ExpectColumnValuesToBeBetween(
            column="null_key_values", max_value=0,
            description="no NULL in the key columns of a mart (unique_key, unique, not_null tests)"),
        gxe.ExpectColumnValuesToBeBetween(
            column="duplicate_keys", max_value=0, description="the keys of a mart are unique"),
        is_true("documented", "every mart is documented in dbt", severity="warning"),
        gxe.ExpectColumnValuesToBeBetween(
            column="undocumented_columns", max_value=0, severity="warning",
            description="every column of a mart is documented in dbt"),
    ]
