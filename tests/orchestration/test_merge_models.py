"""Which intermediate models merge the rows a nightly delta touches (build_scope.merge_models),
on a small hand-made manifest:

    raw.erp__orders      -> stg_orders    --+-> int_links (merge: erp_customer_id <- customers, orders)
    raw.erp__customers   -> stg_customers --+        |
    raw.crm__accounts    -> stg_accounts  --+        v
    raw.erp__order_lines -> stg_lines -> int_lines -> int_orders (merge: order_id <- orders, order_lines)
                                                     |-> int_order_status (merge, also reads int_status)
    stg_accounts -> int_status (reads as_of)         |-> int_order_age (merge declared, reads as_of)
                                                     '-> int_order_months (merge: month_start <- the
                                                         months of raw.erp__orders' versions)
"""
from __future__ import annotations

from orchestration import build_scope

P = "pilotage"
RAW = ("erp__orders", "erp__customers", "crm__accounts", "erp__order_lines")


def _uid(name):
    return f"source.{P}.raw.{name}" if name in RAW else f"model.{P}.{name}"


def _node(name, parents, meta=None, raw_code="select 1"):
    return _uid(name), {"resource_type": "model", "name": name, "raw_code": raw_code, "config": {"meta": meta or {}},
                        "depends_on": {"nodes": [_uid(p) for p in parents], "macros": []}}


def _merge(touched, unaffected_by=(), through=None):
    return {"merge": {"touched": touched, "unaffected_by": list(unaffected_by), "through": through or {}}}


ORDERS = {"order_id": ["erp__orders", "erp__order_lines"]}
CUSTOMERS = {**ORDERS, "account_id": ["erp__orders"]}
MONTHS = {"month_start": ["erp__orders", "erp__order_lines"]}
MONTHS_OF_ORDERS = {"source": "erp__orders", "key": "order_id", "month_of": "ordered_at"}
NODES = dict([
    *(_node(f"stg_{t.split('__')[1]}", [t], {"staging_of": t}) for t in RAW),
    _node("int_links", ["stg_customers", "stg_orders", "stg_accounts"],
          _merge({"erp_customer_id": ["erp__customers", "erp__orders"]})),
    _node("int_lines", ["stg_order_lines"], _merge({"order_id": ["erp__order_lines"]})),
    _node("int_orders", ["stg_orders", "int_lines", "int_links"], _merge(ORDERS)),
    _node("int_status", ["stg_accounts"], raw_code="select {{ var('as_of') }}"),
    _node("int_order_status", ["int_orders", "int_status"], _merge(ORDERS, unaffected_by=["crm__accounts"])),
    _node("int_order_age", ["int_orders"], _merge(ORDERS), raw_code="select {{ var('as_of') }}"),
    # account_id derived through int_links: upstream of int_customer_orders (via int_orders),
    # not of int_line_accounts
    _node("int_customer_orders", ["int_orders"], _merge(CUSTOMERS, through={"account_id": {"model": "int_links"}})),
    _node("int_line_accounts", ["stg_order_lines"], _merge({"account_id": ["erp__order_lines"]},
                                                           through={"account_id": {"model": "int_links"}})),
    # months derived from the raw orders' every version: upstream of int_order_months (via
    # int_orders), not of int_line_months
    _node("int_order_months", ["int_orders"], _merge(MONTHS, through={"month_start": MONTHS_OF_ORDERS})),
    _node("int_line_months", ["stg_order_lines"], _merge({"month_start": ["erp__order_lines"]},
                                                         through={"month_start": MONTHS_OF_ORDERS})),
])
SOURCES = {_uid(t): {"source_name": "raw", "name": t} for t in RAW}


def _manifest():
    parent_map = {uid: node["depends_on"]["nodes"] for uid, node in NODES.items()}
    child_map: dict[str, list[str]] = {uid: [] for uid in [*NODES, *SOURCES]}
    for uid, parents in parent_map.items():
        for parent in parents:
            child_map[parent].append(uid)
    return {"metadata": {"project_name": P}, "nodes": NODES, "sources": SOURCES, "macros": {},
            "child_map": child_map, "parent_map": parent_map}


BASE = {"code": "c1", "as_of": "2026-03-15", **{f"files:{t}": "v1" for t in RAW}}


def _merging(changed, delta, as_of="2026-03-15"):
    current = {**BASE, "as_of": as_of, **{f"files:{t}": "v2" for t in changed}}
    scope = build_scope.plan(_manifest(), BASE, current)
    return build_scope.merge_models(_manifest(), scope, {t: [f"{t}/new.csv"] for t in delta})


def test_new_orders_and_lines_merge_every_declaring_model_downstream():
    merging = _merging(["erp__orders", "erp__order_lines"], ["erp__orders", "erp__order_lines"])
    # int_order_status: its other parent int_status is kept (as_of did not move);
    # int_customer_orders derives its accounts through int_links, upstream of it;
    # int_line_accounts names int_links, which is not upstream of it (not built first): whole;
    # int_order_months reads the months of raw.erp__orders, upstream of it; int_line_months
    # names that raw table too, which is not upstream of it: whole
    assert merging == ["int_customer_orders", "int_lines", "int_links", "int_order_months", "int_order_status",
                       "int_orders"]


def test_a_model_reading_as_of_or_under_one_that_moved_is_rebuilt_whole():
    merging = _merging(["erp__orders"], ["erp__orders"], as_of="2026-03-16")
    # int_status moved: int_order_status whole
    assert merging == ["int_customer_orders", "int_links", "int_order_months", "int_orders"]


def test_a_raw_table_a_model_does_not_declare_stops_its_merge():
    merging = _merging(["erp__orders", "erp__customers"], ["erp__orders", "erp__customers"])
    # int_orders declares orders and order_lines only: new customers rebuild it, and below it
    assert merging == ["int_links"]


def test_a_changed_file_rebuilds_its_staging_whole_and_stops_the_merge_below():
    # erp__orders changed but not append-only (not in the delta): stg_orders rebuilt whole
    merging = _merging(["erp__orders", "erp__order_lines"], ["erp__order_lines"])
    assert merging == ["int_lines"]  # int_line_accounts: its `through` model is not upstream


def test_a_staging_model_of_an_undeclared_dimension_stops_the_merge():
    merging = _merging(["erp__orders", "crm__accounts"], ["erp__orders", "crm__accounts"])
    assert merging == []  # int_links reads stg_accounts, merged from a table it does not declare


def test_nothing_merges_on_a_full_refresh_or_without_delta():
    manifest = _manifest()
    assert build_scope.merge_models(manifest, build_scope.Scope(True, "full refresh"), {"erp__orders": ["x"]}) == []
    scope = build_scope.plan(manifest, BASE, {**BASE, "files:erp__orders": "v2"})
    assert build_scope.merge_models(manifest, scope, {}) == []


def test_a_view_kept_over_new_data_stops_the_merge_below_it():
    """int_orders read through a view: the view is kept (same SQL) but its rows changed with no
    record of which, so the model under it is rebuilt whole."""
    manifest = _manifest()
    view_uid, view = _node("orders_view", ["int_orders"])
    view["config"] = {"meta": {}, "materialized": "view"}
    below_uid, below = _node("int_below", ["orders_view"], _merge(ORDERS))
    manifest["nodes"] = {**manifest["nodes"], view_uid: view, below_uid: below}
    manifest["parent_map"] = {**manifest["parent_map"], view_uid: [_uid("int_orders")], below_uid: [view_uid]}
    manifest["child_map"] = {**manifest["child_map"], view_uid: [below_uid], below_uid: [],
                             _uid("int_orders"): [*manifest["child_map"][_uid("int_orders")], view_uid]}
    scope = build_scope.plan(manifest, BASE, {**BASE, "files:erp__orders": "v2", "files:erp__order_lines": "v2"})
    assert view_uid in scope.views_over_new_data and below_uid in scope.rebuild
    merging = build_scope.merge_models(manifest, scope, {"erp__orders": ["x"], "erp__order_lines": ["y"]})
    assert "int_orders" in merging and "int_below" not in merging


def _with_kpi_tables(manifest):
    """Two module tables over one ephemeral KPI model that reads as_of (as every KPI does: its
    periods stop at as_of): kpi_periods declares KPI periods (`periods_of`), kpi_whole a plain
    merge."""
    kpi_uid, kpi = _node("kpi_order_count", ["int_orders"], raw_code="select {{ var('as_of') }}")
    kpi["config"] = {"meta": {}, "materialized": "ephemeral"}
    periods = {"period_start": {"source": "erp__orders", "key": "order_id", "periods_of": "ordered_at"}}
    added = dict([(kpi_uid, kpi),
                  _node("kpi_periods", ["kpi_order_count"], _merge({"period_start": ["erp__orders"]}, through=periods)),
                  _node("kpi_whole", ["kpi_order_count"], _merge({"order_id": ["erp__orders"]}))])
    manifest["nodes"] = {**manifest["nodes"], **added}
    manifest["parent_map"] = {**manifest["parent_map"], **{uid: n["depends_on"]["nodes"] for uid, n in added.items()}}
    manifest["child_map"] = {**manifest["child_map"], kpi_uid: [_uid("kpi_periods"), _uid("kpi_whole")],
                             _uid("kpi_periods"): [], _uid("kpi_whole"): [],
                             _uid("int_orders"): [*manifest["child_map"][_uid("int_orders")], kpi_uid]}
    return manifest


def test_a_module_table_of_kpi_periods_merges_when_as_of_moves():
    """The ephemeral KPI model it inlines reads as_of: a table of KPI periods still merges (it
    rebuilds the periods the move reaches), a plain merging model under it is rebuilt whole."""
    manifest = _with_kpi_tables(_manifest())
    current = {**BASE, "as_of": "2026-03-16", "files:erp__orders": "v2"}
    scope = build_scope.plan(manifest, BASE, current)
    assert scope.as_of_move("2026-03-16") == ["2026-03-15", "2026-03-16"]
    merging = build_scope.merge_models(manifest, scope, {"erp__orders": ["erp__orders/new.csv"]})
    assert "kpi_periods" in merging and "kpi_whole" not in merging
    # a dimension's new file reaches the KPI through int_orders, rebuilt whole: whole too
    scope = build_scope.plan(manifest, BASE, {**current, "files:erp__customers": "v2"})
    merging = build_scope.merge_models(manifest, scope, {"erp__orders": ["x"], "erp__customers": ["y"]})
    assert "kpi_periods" not in merging
    assert build_scope.plan(manifest, BASE, {**BASE, "files:erp__orders": "v2"}).as_of_move("2026-03-15") == []
