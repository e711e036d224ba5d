"""Assemble every batch (a DataFrame and the suites validated on it) from the warehouse."""
from __future__ import annotations

import pandas as pd

from . import golden, kpi_sanity, marts
from .gx_run import Batch
from .spec import CORE_TABLES, RecetteSpec, suite_file
from .tables import TYPE_FAMILIES, is_true, structure_expectations
from .warehouse import Warehouse


def core_batches(wh: Warehouse, spec: RecetteSpec) -> list[Batch]:
    batches = []
    for name in CORE_TABLES:
        module = suite_file(name)
        table = module.TABLE
        suites = {f"structure.{table.short}": structure_expectations(table)}
        if table.name not in wh.missing:
            suites[f"sanity.{table.short}"] = module.sanity(spec)
        frame = module.prepare(wh.frame(table.name), spec)
        batches.append(Batch(table.short, frame, suites, table.index))
    return batches


def column_types_batch(wh: Warehouse) -> Batch:
    """One row per contract column: its DuckDB type, and per table a column that says whether
    the type is of the contract's family (NULL on the other tables' rows)."""
    records = []
    for name in CORE_TABLES:
        table = suite_file(name).TABLE
        published = wh.column_types.get(table.name, {})
        for column, family in table.columns.items():
            if family in TYPE_FAMILIES:
                data_type = published.get(column, "missing")
                records.append({"table": table.name, "column": column, "family": family,
                                "data_type": data_type, "ok": data_type in TYPE_FAMILIES[family]})
    frame = pd.DataFrame.from_records(records, columns=["table", "column", "family", "data_type", "ok"])
    tables = list(dict.fromkeys(frame["table"]))
    frame = frame.assign(**{t: frame["ok"].where(frame["table"] == t) for t in tables})
    exps = [is_true(t, f"every column of {t} has the type of the output contract") for t in tables]
    return Batch("column_types", frame, {"structure.column_types": exps}, ("column", "family", "data_type"))


def mart_batch(wh: Warehouse, spec: RecetteSpec) -> Batch:
    rules = suite_file("module_marts")
    columns = {table: list(types) for table, types in wh.column_types.items()}
    frame = marts.profile(wh.marts, columns, wh.mart_counts, marts.load_mart_docs())
    return Batch("module_marts", frame, {"structure.module_marts": rules.expectations()}, rules.INDEX)


def module_batches(wh: Warehouse, spec: RecetteSpec) -> list[Batch]:
    observations = wh.frame("marts.kpi_observations")
    return [Batch(f"kpi_observations.{m}", kpi_sanity.module_frame(observations, spec, m),
                  {f"sanity.{m}": kpi_sanity.module_expectations(spec, m)}, tuple(kpi_sanity.INDEX))
            for m in spec.modules]


def coherence_batch(comparisons: pd.DataFrame) -> Batch:
    rules = suite_file("coherence")
    return Batch("coherence", rules.prepare(comparisons), {"coherence": rules.expectations()},
                 tuple(rules.INDEX))


def golden_batches(cahier: golden.Cahier, wh: Warehouse) -> tuple[list[Batch], list[dict]]:
    frame, exps, rows = golden.kpi_batch(cahier, wh.frame("marts.kpi_observations"), wh.as_of)
    batches = [Batch("golden.kpi_values", frame, {"golden.kpi_values": exps})]
    if cahier.customer_360:
        frame, exps, more = golden.customer_batch(cahier, wh.frame("marts.customer_360"), wh.as_of)
        batches.append(Batch("golden.customer_360", frame, {"golden.customer_360": exps}, ("account_id",)))
        rows += more
    if cahier.crm_alerts is not None:
        frame, exps, more = golden.alerts_batch(cahier, wh.frame("marts.crm_alerts"), wh.as_of)
        batches.append(Batch("golden.crm_alerts", frame, {"golden.crm_alerts": exps},
                             ("alert_rule", "entity_type", "entity_id")))
        rows += more
    return batches, rows
