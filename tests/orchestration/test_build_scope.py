"""The nightly build scope (orchestration/build_scope.py) on a small hand-made manifest:

    raw.orders -> stg_orders -> int_orders -> kpi_revenue -> kpi_observations
    raw.accounts -> stg_accounts -> int_status (reads as_of through macro as_of_date)
                                 -> kpi_active (calls kpi_macro, which calls as_of_date)
    seed catalogue -> kpi_observations; audit.load_audit -> dq_quarantine
"""
from __future__ import annotations

import duckdb
import pytest

from orchestration import build_scope

P = "pilotage"


def _model(name, parents, macros=(), raw_code="select 1", kind="model"):
    return f"{kind}.{P}.{name}", {"resource_type": kind, "raw_code": raw_code,
                                  "depends_on": {"nodes": list(parents), "macros": list(macros)}}


NODES = dict([
    _model("stg_orders", [f"source.{P}.raw.erp__orders"]),
    _model("int_orders", [f"model.{P}.stg_orders"]),
    _model("kpi_revenue", [f"model.{P}.int_orders"]),
    _model("stg_accounts", [f"source.{P}.raw.crm__accounts"]),
    _model("int_status", [f"model.{P}.stg_accounts"], macros=[f"macro.{P}.as_of_date"]),
    _model("kpi_active", [f"model.{P}.stg_accounts"], macros=[f"macro.{P}.kpi_macro"]),
    _model("catalogue", [], kind="seed"),
    _model("kpi_observations", [f"model.{P}.kpi_revenue", f"model.{P}.kpi_active", f"model.{P}.int_status",
                                f"seed.{P}.catalogue"]),
    _model("dq_quarantine", [f"source.{P}.audit.load_audit"], raw_code="select {{ var('as_of') }} as d"),
    (f"test.{P}.unique_stg_orders", {"resource_type": "test", "depends_on": {"nodes": [f"model.{P}.stg_orders"]}}),
])
SOURCES = {f"source.{P}.raw.erp__orders": {"source_name": "raw"},
           f"source.{P}.raw.crm__accounts": {"source_name": "raw"},
           f"source.{P}.audit.load_audit": {"source_name": "audit"}}
MACROS = {f"macro.{P}.as_of_date": {"macro_sql": "{% macro as_of_date() %}{{ var('as_of', none) }}{% endmacro %}",
                                    "depends_on": {"macros": []}},
          f"macro.{P}.kpi_macro": {"macro_sql": "{{ as_of_date() }}", "depends_on": {"macros": [f"macro.{P}.as_of_date"]}},
          f"macro.{P}.other": {"macro_sql": "select 1", "depends_on": {"macros": []}}}


def _manifest():
    child_map: dict[str, list[str]] = {uid: [] for uid in [*NODES, *SOURCES]}
    for uid, node in NODES.items():
        for parent in node["depends_on"]["nodes"]:
            child_map[parent].append(uid)
    return {"metadata": {"project_name": P}, "nodes": NODES, "sources": SOURCES, "macros": MACROS,
            "child_map": child_map}


BASE = {"code": "c1", "as_of": "2026-03-15", "files:erp__orders": "o1", "files:crm__accounts": "a1"}


def _names(uids):
    return sorted(uid.split(".")[-1] for uid in uids)


def test_as_of_models_follow_macros_transitively():
    assert _names(build_scope.as_of_models(_manifest())) == ["dq_quarantine", "int_status", "kpi_active"]


def test_unchanged_inputs_rebuild_nothing():
    scope = build_scope.plan(_manifest(), BASE, dict(BASE))
    assert (scope.full, scope.reason, scope.nothing_to_do) == (False, "inputs unchanged", True)
    assert len(scope.keep) == 9


def test_new_files_rebuild_the_table_descendants_and_the_audit_readers():
    scope = build_scope.plan(_manifest(), BASE, {**BASE, "files:erp__orders": "o2"})
    assert scope.reason == "new or changed files in 1 raw table(s)"
    assert _names(scope.rebuild) == ["dq_quarantine", "int_orders", "kpi_observations", "kpi_revenue", "stg_orders"]
    assert _names(scope.keep) == ["catalogue", "int_status", "kpi_active", "stg_accounts"]


def test_a_table_loaded_for_the_first_time_counts_as_changed():
    recorded = {k: v for k, v in BASE.items() if k != "files:crm__accounts"}
    scope = build_scope.plan(_manifest(), recorded, dict(BASE))
    assert "stg_accounts" in _names(scope.rebuild) and "stg_orders" not in _names(scope.rebuild)


def test_a_new_as_of_rebuilds_what_reads_it_and_their_descendants():
    scope = build_scope.plan(_manifest(), BASE, {**BASE, "as_of": "2026-03-16"})
    assert scope.reason == "as_of moved from 2026-03-15 to 2026-03-16"
    assert _names(scope.rebuild) == ["dq_quarantine", "int_status", "kpi_active", "kpi_observations"]


def test_kept_models_come_parents_first():
    keep = [uid.split(".")[-1] for uid in build_scope.plan(_manifest(), BASE, dict(BASE)).keep]
    assert keep.index("stg_orders") < keep.index("int_orders") < keep.index("kpi_revenue") < keep.index("kpi_observations")
    assert keep.index("catalogue") < keep.index("kpi_observations")


@pytest.mark.parametrize("recorded, reason", [
    ({}, "no record of what the published warehouse was built from"),
    ({**BASE, "code": "c0"}, "the dbt project, its vars or its environment changed"),
])
def test_everything_is_rebuilt_without_a_matching_record(recorded, reason):
    scope = build_scope.plan(_manifest(), recorded, dict(BASE))
    assert (scope.full, scope.reason) == (True, reason)


def test_code_fingerprint_reads_contents_vars_and_env(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "a.sql").write_text("select 1")
    fp = lambda vars_, env=None: build_scope.code_fingerprint(tmp_path, [tmp_path / "models" / "a.sql"], vars_, env or {})
    first = fp({"as_of": "2026-01-01", "reporting_timezone": "Europe/Paris"})
    assert fp({"as_of": "2026-06-30", "reporting_timezone": "Europe/Paris"}) == first  # as_of is recorded apart
    assert fp({"as_of": "2026-01-01", "reporting_timezone": "UTC"}) != first
    assert fp({"as_of": "2026-01-01", "reporting_timezone": "Europe/Paris"}, {"schema_suffix": "_x"}) != first
    (tmp_path / "models" / "a.sql").write_text("select 2")
    assert fp({"as_of": "2026-01-01", "reporting_timezone": "Europe/Paris"}) != first


def test_inputs_round_trip_and_raw_fingerprints_follow_load_audit():
    con = duckdb.connect()
    con.execute("create schema audit")
    con.execute("create table audit.load_audit (source varchar, entity varchar, file varchar, rows_read bigint, "
                "rows_loaded bigint, rows_quarantined bigint, loaded_at timestamp, file_hash varchar)")
    con.execute("insert into audit.load_audit values ('erp', 'orders', 'erp/orders/a.csv', 1, 1, 0, "
                "timestamp '2026-01-01 02:00:00', 'h1')")
    assert build_scope.recorded_inputs(con) == {}
    first = build_scope.current_inputs(con, "c1", "2026-01-01")
    assert sorted(first) == ["as_of", "code", "files:erp__orders"]
    assert first["files:erp__orders"] == '{"erp/orders/a.csv": "h1:2026-01-01 02:00:00"}'
    build_scope.record_inputs(con, first)
    assert build_scope.recorded_inputs(con) == first
    con.execute("update audit.load_audit set loaded_at = timestamp '2026-01-02 02:00:00'")  # read again
    assert build_scope.current_inputs(con, "c1", "2026-01-01")["files:erp__orders"] != first["files:erp__orders"]


def _files(**listed) -> dict[str, str]:
    """Inputs with the file lists `table=[(file, version), ...]`, as raw_inputs writes them."""
    import json

    return {"code": "c1", "as_of": "2026-03-15",
            **{f"files:{table}": json.dumps(dict(files), sort_keys=True) for table, files in listed.items()}}


def test_delta_files_lists_the_files_an_append_only_table_gained():
    recorded = _files(erp__orders=[("o/full.csv", "h1:t1")], crm__accounts=[("a/full.csv", "h2:t1")],
                      crm__contacts=[("c/full.csv", "h3:t1")], web__sessions=[("w/d1.csv", "h4:t1")])
    current = _files(erp__orders=[("o/full.csv", "h1:t1"), ("o/d2.csv", "h5:t2"), ("o/d3.csv", "h6:t2")],
                     crm__accounts=[("a/full.csv", "h2:t1")],               # unchanged: not in scope
                     crm__contacts=[("c/full.csv", "h7:t2")],               # a file changed: rebuilt whole
                     web__sessions=[("w/d2.csv", "h8:t2")],                 # a file vanished: rebuilt whole
                     crm__leads=[("l/full.csv", "h9:t2")])                  # first load: rebuilt whole
    assert build_scope.delta_files(recorded, current) == {"erp__orders": ["o/d2.csv", "o/d3.csv"]}


def test_delta_files_is_empty_when_the_code_changed_or_nothing_is_recorded():
    recorded = _files(erp__orders=[("o/full.csv", "h1:t1")])
    current = _files(erp__orders=[("o/full.csv", "h1:t1"), ("o/d2.csv", "h5:t2")])
    assert build_scope.delta_files(recorded, current) == {"erp__orders": ["o/d2.csv"]}
    assert build_scope.delta_files({**recorded, "code": "c0"}, current) == {}
    assert build_scope.delta_files({}, current) == {}
    without_files = {k: v for k, v in recorded.items() if not k.startswith("files:")}  # e.g. a table first loaded
    assert build_scope.delta_files(without_files, current) == {}


def test_the_delta_var_is_not_part_of_the_code_fingerprint(tmp_path):
    (tmp_path / "a.sql").write_text("select 1")
    fp = lambda vars_: build_scope.code_fingerprint(tmp_path, [tmp_path / "a.sql"], vars_, {})
    assert fp({"as_of": "2026-01-01"}) == fp({"as_of": "2026-01-01", "delta_files": {"erp__orders": ["o/d2.csv"]}})


def test_a_hand_picked_subset_rebuilds_its_selection_and_keeps_the_record(tmp_path):
    """Dagster materializing some dbt assets by hand: the selection is built whatever the inputs,
    and the build file keeps the record it was copied with (its models now have mixed inputs)."""
    from types import SimpleNamespace

    from orchestration.assets.dbt import _record, _scope

    scope, inputs, delta = _scope(SimpleNamespace(is_subset=True), None, {"nodes": NODES}, full=False)
    assert (scope.full, scope.reason, inputs, delta) == (True, "a subset of the dbt assets was selected", None, {})
    build = tmp_path / "build.duckdb"
    with duckdb.connect(str(build)) as con:
        build_scope.record_inputs(con, {"as_of": "2026-03-15", "raw/erp__orders": "h1"})
    _record(SimpleNamespace(build_path=build), inputs)
    with duckdb.connect(str(build), read_only=True) as con:
        assert build_scope.recorded_inputs(con) == {"as_of": "2026-03-15", "raw/erp__orders": "h1"}


def test_postgres_rebuilds_everything_and_records_nothing():
    from types import SimpleNamespace

    from orchestration.assets.dbt import _scope

    context = SimpleNamespace(is_subset=False)
    nightly, inputs, delta = _scope(context, SimpleNamespace(target="postgres"), {"nodes": NODES}, full=False)
    assert (nightly.full, nightly.reason, inputs, delta) == (True, "build schemas start empty", None, {})
    assert _scope(context, SimpleNamespace(target="postgres"), {"nodes": NODES}, full=True)[0].reason == "full refresh"


def _with_views():
    """_manifest() plus two views over kpi_observations (`wide`, and `synthesis`, which reads
    as_of) and a table over `wide`."""
    manifest = _manifest()
    nodes = dict(manifest["nodes"])
    for name, macros in (("wide", ()), ("synthesis", (f"macro.{P}.as_of_date",))):
        uid, node = _model(name, [f"model.{P}.kpi_observations"], macros=macros)
        nodes[uid] = {**node, "config": {"materialized": "view"}}
    uid, node = _model("report", [f"model.{P}.wide"])
    nodes[uid] = node
    child_map = {k: list(v) for k, v in manifest["child_map"].items()}
    child_map[f"model.{P}.kpi_observations"] = [f"model.{P}.wide", f"model.{P}.synthesis"]
    child_map[f"model.{P}.wide"], child_map[f"model.{P}.synthesis"], child_map[f"model.{P}.report"] = [f"model.{P}.report"], [], []
    return {**manifest, "nodes": nodes, "child_map": child_map}


def test_a_view_over_new_data_is_kept_and_what_reads_it_rebuilt():
    scope = build_scope.plan(_with_views(), BASE, {**BASE, "files:erp__orders": "o2"})
    assert _names(scope.views_over_new_data) == ["synthesis", "wide"]  # as_of did not move: same SQL
    assert "wide" in _names(scope.keep) and "synthesis" in _names(scope.keep)
    assert "report" in _names(scope.rebuild) and "kpi_observations" in _names(scope.rebuild)


def test_a_view_reading_as_of_is_re_created_when_as_of_moves():
    scope = build_scope.plan(_with_views(), BASE, {**BASE, "as_of": "2026-03-16"})
    assert _names(scope.views_over_new_data) == ["wide"]
    assert "synthesis" in _names(scope.rebuild) and "report" in _names(scope.rebuild)


def test_a_full_refresh_or_a_changed_project_creates_every_view():
    scope = build_scope.plan(_with_views(), {**BASE, "code": "c0"}, dict(BASE))
    assert scope.full and not scope.views_over_new_data
