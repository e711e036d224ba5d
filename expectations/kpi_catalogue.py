"""Suites `structure.kpi_catalogue` and `sanity.kpi_catalogue`: the published catalogue is
spec/kpis.yml, one row per KPI, with the same module, unit, kind, level and direction."""
import great_expectations.expectations as gxe
import pandas as pd

from orchestration.recette.tables import TableSpec, is_true

TABLE = TableSpec(
    name="marts.kpi_catalogue",
    columns={"kpi_code": "text", "module": "text", "level": "integer", "name_fr": "text",
             "name_en": "text", "unit": "text", "direction": "text", "kind": "text",
             "definition": "text", "grains": "text", "dimensions": "text", "has_target": "boolean"},
    key=("kpi_code",), not_null=("module", "level", "unit", "direction", "kind", "name_fr",
                                 "name_en", "definition"),
    min_rows=1, index=("kpi_code",))

SAME_AS_SPEC = {"module": "module", "unit": "unit", "kind": "kind", "level": "level",
                "direction": "direction"}


def prepare(frame: pd.DataFrame, spec) -> pd.DataFrame:
    if not set(SAME_AS_SPEC) | {"kpi_code"} <= set(frame.columns) or frame.empty:
        return frame
    def matches(row) -> bool:
        entry = spec.kpis.get(row["kpi_code"])
        return entry is not None and all(
            str(row[col]) == str(entry[key]) for col, key in SAME_AS_SPEC.items())
    return frame.assign(check_matches_spec=frame.apply(matches, axis=1).astype(bool))


def sanity(spec) -> list:
    return [
        gxe.ExpectColumnDistinctValuesToEqualSet(
            column="kpi_code", value_set=sorted(spec.kpis),
            description="exactly the KPI codes of spec/kpis.yml"),
        gxe.ExpectColumnValuesToBeInSet(column="module", value_set=list(spec.modules)),
        gxe.ExpectColumnValuesToBeInSet(column="kind", value_set=["period", "snapshot", "forecast"]),
        gxe.ExpectColumnValuesToBeInSet(column="direction", value_set=["up", "down"]),
        gxe.ExpectColumnValuesToBeInSet(column="level", value_set=[1, 2, 3]),
        is_true("check_matches_spec", "module, unit, kind, level and direction are those of spec/kpis.yml"),
    ]
