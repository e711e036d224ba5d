"""Incremental correctness of the nightly path (issue 6).

Generated data (scale 0.01) up to day N, plus the generator's delta folder of day N+1, which
holds updates (opportunities moving a stage, orders delivered) and tombstones (an activity
deleted, a duplicate contact merged away). Two histories must publish the same numbers:

  A: full refresh of days 1..N (as_of N), then the nightly job on day N+1's new files only;
  B: full refresh of days 1..N+1 (as_of N+1).

Compared row for row: every marts.kpi_observations row of as_of N+1 (A also keeps its as_of N
snapshots: B never computed them), marts.customer_360 and marts.crm_alerts, and every staging
table (A's nightly merged the delta's keys into them: macros/staging/staging_delta.sql). Then A's nightly
job runs again with no new file: nothing is parsed, no dbt model runs and no published number
changes. Then A's nightly runs for as_of N+2 with no new file: it rebuilds only the models that
read as_of (orchestration/build_scope.py) and publishes what a full refresh of N+2 publishes.
Last, two hand-made nights exercise the models that merge the rows a delta touches
(macros/incremental/merge_touched.sql): night N+3 moves an order to another customer, deletes
one, cancels one, changes a line, invoices an old order and moves one to another month (the
order models merge; the order month cells rebuild the months those orders were and are in); night N+4
re-links an ERP customer to another account (the links merge, the order models are rebuilt
whole). After each, every merging model and published table equals a full refresh.
"""
from __future__ import annotations

import csv
import math
import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pytest

from orchestration.recette import read_ahead

pytestmark = pytest.mark.xdist_group("incremental")

DAY_N = dt.date(2025, 12, 31)
DAY_N1 = DAY_N + dt.timedelta(days=1)
# the models that merge the rows a delta touches (macros/incremental/merge_touched.sql), by schema
MERGING = {
    "intermediate": ["int_campaign_members", "int_contacts", "int_customer_first_valid_orders", "int_customer_order_dates",
                     "int_erp_customer_links", "int_invoices", "int_opportunities", "int_opportunity_stage_intervals",
                     "int_order_lines", "int_orders", "int_project_timesheets", "int_sales_activities", "int_service_cases",
                     "int_valid_order_lines", "int_valid_order_month_cells", "int_valid_order_range_month_cells",
                     "int_valid_order_ranges", "int_valid_orders", "int_web_session_events"],
    "kpis": ["kpi_observations_digital", "kpi_observations_profitability"],
    "marts": ["digital__sessions", "management__invoices", "management__orders", "marketing__campaign_members",
              "pipeline__stage_intervals", "profitability__timesheets"],
}
MERGING_MODELS = sorted(m for models in MERGING.values() for m in models)
MERGING_TABLES = {m: f"select * from {schema}.{m}" for schema, models in MERGING.items() for m in models}
TABLES = {
    "kpi_observations": f"select * from marts.kpi_observations where as_of_date = date '{DAY_N1}'",
    "customer_360": "select * from marts.customer_360",
    "crm_alerts": "select * from marts.crm_alerts",
}


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from orchestration.generator import generate

    root = tmp_path_factory.mktemp("incremental")
    report = generate(root / "landing", scale=0.01, seed=11, start=dt.date(2025, 1, 1), end=DAY_N, delta_days=1)
    return root, root / "landing", report.deltas_dir


@pytest.fixture(scope="module")
def env(generated):
    root = generated[0]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PILOTAGE_STATE_DIR", str(root / "state"))
        mp.setenv("PILOTAGE_RECETTE_DIR", str(root / "recette"))
        for key in ("PILOTAGE_WEBHOOK_URL", "PILOTAGE_CONFIG", "PILOTAGE_SCHEMA_SUFFIX", "PILOTAGE_TARGET"):
            mp.delenv(key, raising=False)
        yield


def _settings(landing: Path, warehouse: Path, as_of: dt.date):
    from orchestration.settings import resolve

    return resolve(str(landing), str(warehouse), as_of.isoformat(), target="duckdb", timezone="Europe/Paris")


def _rows(warehouse: Path, query: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(query).fetchall()
    return sorted(rows, key=lambda row: repr(tuple(None if isinstance(v, float) else v for v in row)))


def _same_rows(left: list[tuple], right: list[tuple]) -> list[tuple]:
    """Pairs of rows that differ. DuckDB sums doubles in parallel, in no fixed order, so two runs
    over the same rows may differ in the last bits (relative 1e-15): floats compare with a
    relative tolerance of 1e-9, everything else exactly."""
    def same(a, b):
        if isinstance(a, float) and isinstance(b, float):
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
        return a == b

    assert len(left) == len(right), (len(left), len(right))
    return [(a, b) for a, b in zip(left, right) if len(a) != len(b) or not all(map(same, a, b))]


def _delta_rows(deltas: Path, entity: str) -> list[dict]:
    rows = []
    for path in sorted((deltas / DAY_N1.isoformat()).glob(f"{entity}/*.csv")):
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows += list(csv.DictReader(f))
    return rows


@pytest.fixture(scope="module")
def histories(generated, env):
    from orchestration.generator import apply_delta
    from orchestration.refresh import run_refresh

    root, base, deltas = generated
    landing_a, landing_b = root / "landing_a", root / "landing_b"
    shutil.copytree(base, landing_a)
    shutil.copytree(base, landing_b)
    apply_delta(deltas, DAY_N1, landing_b)
    wh_a, wh_b = root / "a" / "pilotage.duckdb", root / "b" / "pilotage.duckdb"

    run_refresh(_settings(landing_a, wh_a, DAY_N), full_refresh=True)
    apply_delta(deltas, DAY_N1, landing_a)
    taken = []  # what the nightly's recette got from the read started after its build
    with pytest.MonkeyPatch.context() as mp:
        take = read_ahead.take
        mp.setattr(read_ahead, "take", lambda path: taken.append(take(path)) or taken[-1])
        nightly = run_refresh(_settings(landing_a, wh_a, DAY_N1))
    compiled = _compiled(_settings(landing_a, wh_a, DAY_N1))
    tests = _compiled(_settings(landing_a, wh_a, DAY_N1), "test")
    full = run_refresh(_settings(landing_b, wh_b, DAY_N1), full_refresh=True)
    return {"a": wh_a, "b": wh_b, "nightly": nightly, "full": full, "landing_a": landing_a, "deltas": deltas,
            "compiled": compiled, "tests": tests, "read_ahead": taken}


def _compiled(settings, kind: str = "model") -> dict[str, str]:
    """Model (or test, kind="test") -> the SQL the last dbt build ran for it."""
    import json

    from orchestration.assets.dbt import last_run_results_path

    results = json.loads(last_run_results_path(settings).read_text(encoding="utf-8"))["results"]
    return {r["unique_id"].split(".")[2]: r["compiled_code"] for r in results if r["unique_id"].startswith(f"{kind}.")}


def test_the_delta_holds_updates_and_tombstones(generated):
    _, base, deltas = generated
    tombstones = [r for r in _delta_rows(deltas, "crm/activities") if r["is_deleted"].strip().lower() in ("true", "1")]
    assert tombstones, "the delta deletes no activity"
    base_ids = set()
    for path in (base / "crm" / "opportunities").glob("*.csv"):
        with open(path, newline="", encoding="utf-8-sig") as f:
            base_ids |= {r["opportunity_id"] for r in csv.DictReader(f)}
    updated = [r for r in _delta_rows(deltas, "crm/opportunities") if r["opportunity_id"] in base_ids]
    assert updated, "the delta updates no existing opportunity"


def test_nightly_reads_only_the_new_files(histories):
    load = histories["nightly"].events.materializations["audit/load_audit"]
    delta_files = len(list((histories["deltas"] / DAY_N1.isoformat()).rglob("*.csv")))
    assert load["build_started_from"] == "copy of the published warehouse (copied while the job started)"
    assert load["files_read"] == delta_files
    assert load["files_skipped"] == len(list(histories["landing_a"].rglob("*.csv"))) - delta_files


def test_the_recette_reads_the_build_while_the_checks_run(histories):
    """The dbt step starts the recette's read of the final build file; the recette takes it
    (recette/read_ahead.py): the rows the nightly published."""
    assert len(histories["read_ahead"]) == 1
    warehouse = histories["read_ahead"][0]
    assert warehouse is not None
    published = _rows(histories["a"], "select count(*) from marts.kpi_observations")[0][0]
    assert len(warehouse.frame("marts.kpi_observations")) == published > 0


@pytest.mark.parametrize("table", sorted(TABLES))
def test_nightly_equals_full_refresh(histories, table):
    incremental, full = _rows(histories["a"], TABLES[table]), _rows(histories["b"], TABLES[table])
    assert len(full) > 0
    differ = _same_rows(incremental, full)
    assert differ == [], f"{table}: {len(differ)} rows differ, e.g. {differ[:3]}"


def test_staging_of_an_append_only_table_reads_only_the_keys_of_its_new_files(histories):
    delta_tables = sorted({p.parent.relative_to(histories["deltas"] / DAY_N1.isoformat()).as_posix().replace("/", "__")
                           for p in (histories["deltas"] / DAY_N1.isoformat()).rglob("*.csv")})
    ran = {name: code for name, code in histories["compiled"].items() if name.startswith("stg_")}
    assert sorted(name.removeprefix("stg_") for name in ran) == delta_tables
    activities = ran["stg_crm__activities"]
    assert f"where (activity_id) in (\n        select activity_id\n" in activities
    assert f"where _file in ('crm/activities/delta-{DAY_N1}.csv')" in activities
    lines = ran["stg_erp__order_lines"]
    assert "where (order_id, line_no) in (" in lines


def test_the_nightly_merges_every_intermediate_model_the_delta_reaches(histories):
    # orders, lines, invoices and activities gained rows; the timesheets are reached through the
    # ERP customer links (new orders name customers) and merge no row
    assert _merged(histories["compiled"]) == MERGING_MODELS
    assert "where (activity_id in (select activity_id from" in histories["compiled"]["int_sales_activities"]


def test_staging_after_the_nightly_equals_a_full_refresh(histories):
    with duckdb.connect(str(histories["b"]), read_only=True) as con:
        models = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'staging' order by 1").fetchall()]
    assert len(models) == 22
    for model in models:
        query = f"select * from staging.{model}"
        incremental, full = _rows(histories["a"], query), _rows(histories["b"], query)
        differ = _same_rows(incremental, full)
        assert differ == [], f"{model}: {len(differ)} rows differ, e.g. {differ[:3]}"


def test_merged_intermediate_models_equal_a_full_refresh(histories):
    for model, query in MERGING_TABLES.items():
        incremental, full = _rows(histories["a"], query), _rows(histories["b"], query)
        assert len(full) > 0, model
        differ = _same_rows(incremental, full)
        assert differ == [], f"{model}: {len(differ)} rows differ, e.g. {differ[:3]}"


def test_nightly_keeps_the_earlier_snapshot(histories):
    dates = {r[0] for r in _rows(histories["a"], "select distinct as_of_date from marts.kpi_observations")}
    assert dates == {DAY_N, DAY_N1}


def test_a_night_without_new_files_changes_no_number(histories):
    from orchestration.refresh import run_refresh

    from orchestration import publish as wap

    queries = {**TABLES, "all_snapshots": "select * from marts.kpi_observations"}
    before = {table: _rows(histories["a"], query) for table, query in queries.items()}
    settings = _settings(histories["landing_a"], histories["a"], DAY_N1)
    published, versions = wap.sha256(settings.warehouse), len(wap.versions(settings.state_dir, settings.warehouse))
    again = run_refresh(settings)
    # the build is the published file unchanged: the recette keeps its verdict, the file stays
    recette = again.events.materializations["recette"]
    assert recette["verdict"] == "not re-run (build unchanged since its publish): passed"
    assert recette["checks_run"] == 0
    assert again.events.materializations["published_warehouse"]["unchanged"] is True
    assert wap.sha256(settings.warehouse) == published
    assert len(wap.versions(settings.state_dir, settings.warehouse)) == versions
    assert not settings.build_path.exists() and list(settings.build_path.parent.glob(".*.build.duckdb.*")) == []
    assert "left as it was: this run changed nothing in it" in again.summary()
    load = again.events.materializations["audit/load_audit"]
    assert load["files_read"] == 0 and load["rows_read"] == 0
    assert again.dbt["counts"] == {}  # dbt was not even started
    assert (again.events.dbt_parse_seconds, again.stages["parse"]) == (0.0, 0.0)  # nor parsed
    kept = _dbt_materializations(again)
    assert len(kept) == _dbt_nodes() and all(m.get("pilotage/kept") == "not rebuilt: inputs unchanged" for m in kept)
    for table, query in queries.items():
        assert _same_rows(_rows(histories["a"], query), before[table]) == [], table


def _dbt_nodes() -> int:
    """Models and seeds of the project that are relations (each one dbt asset)."""
    import json

    from orchestration.dbt_runner import MANIFEST

    nodes = json.loads(MANIFEST.read_text(encoding="utf-8"))["nodes"].values()
    return sum(1 for node in nodes if node["resource_type"] in ("model", "seed")
               and node["config"].get("materialized") != "ephemeral")  # inlined: no relation, no asset


def _dbt_materializations(result) -> list[dict]:
    return [m for key, m in result.events.materializations.items()
            if key.split("/")[0] in ("staging", "intermediate", "kpis", "marts")]


def test_the_nightly_rebuilds_only_what_the_new_files_and_as_of_touch(histories):
    mats = _dbt_materializations(histories["nightly"])
    kept = [m for m in mats if "pilotage/kept" in m]
    assert len(mats) == _dbt_nodes()
    assert 0 < len(kept) < len(mats)
    counts = histories["nightly"].dbt["counts"]
    assert "seed" not in counts  # the catalogue seed depends on no file: kept
    assert counts["model"] == {"success": len(mats) - len(kept)}
    # as_of and the delta are run parameters, not dbt vars: they do not make dbt parse again
    # (tests/orchestration/test_run_parameters.py). Whether this run parsed depends on the other
    # test workers sharing target/ (their warehouses are other build paths); any parse was the
    # dbt step's, counted as parse
    nightly = histories["nightly"]
    assert nightly.stages["parse"] == nightly.events.dbt_parse_seconds


def test_the_nightly_runs_the_tests_that_read_a_rebuilt_model(histories):
    """A kept model's own tests stay out of the nightly with it (its data did not change), but a
    test that also reads a rebuilt model runs: kpi_observations' relationship to the kept
    catalogue seed."""
    tests = histories["tests"]
    assert "relationships_kpi_observations_kpi_code__kpi_code__ref_kpi_catalogue_" in tests
    assert "unique_kpi_catalogue_kpi_code" not in tests and "not_null_kpi_catalogue_kpi_code" not in tests
    assert "unique_key_kpi_observations_kpi_code__period_grain__period_start__dimension__dimension_value" in tests


def test_a_new_as_of_without_new_files_equals_a_full_refresh(histories, generated):
    from orchestration.refresh import run_refresh

    day = DAY_N1 + dt.timedelta(days=1)
    moved = run_refresh(_settings(histories["landing_a"], histories["a"], day))
    kept = [m for m in _dbt_materializations(moved) if "pilotage/kept" in m]
    assert kept and kept[0]["pilotage/kept"] == f"not rebuilt: as_of moved from {DAY_N1} to {day}"
    wh_c = generated[0] / "c" / "pilotage.duckdb"
    run_refresh(_settings(histories["landing_a"], wh_c, day), full_refresh=True)
    queries = {**TABLES, "kpi_observations": TABLES["kpi_observations"].replace(str(DAY_N1), str(day))}
    for table, query in queries.items():
        incremental, full = _rows(histories["a"], query), _rows(wh_c, query)
        assert len(full) > 0, table
        differ = _same_rows(incremental, full)
        assert differ == [], f"{table}: {len(differ)} rows differ, e.g. {differ[:3]}"


# ------------------------------------------------------------ nights that merge intermediate models

def _landing_rows(landing: Path, entity: str) -> tuple[str, list[str], list[dict]]:
    """(delimiter, header, rows) of an entity's first landing file."""
    path = sorted((landing / entity).glob("*.csv"))[0]
    with open(path, newline="", encoding="utf-8-sig") as f:
        delimiter = ";" if ";" in f.readline() else ","
        f.seek(0)
        reader = csv.DictReader(f, delimiter=delimiter)
        return delimiter, list(reader.fieldnames), list(reader)


def _write_landing(landing: Path, entity: str, day: dt.date, rows: list[dict]) -> None:
    delimiter, header, _ = _landing_rows(landing, entity)
    with open(landing / entity / f"hand-{day}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, delimiter=delimiter)
        writer.writeheader()
        writer.writerows({**row, "updated_at": f"{day} 09:00:00"} for row in rows)


def _merged(compiled: dict[str, str]) -> list[str]:
    """The models downstream of staging the build merged: their SQL reads the delta (or, when no
    declared table has new files, nothing)."""
    import re

    return sorted(name for name, code in compiled.items()
                  if not name.startswith("stg_") and ("_file in (" in code or "where 1 = 0" in code
                                                      or re.search(r"as module_observations\s+where", code)))


def _night_equals_full_refresh(histories, generated, day: dt.date, name: str):
    from orchestration.refresh import run_refresh

    settings = _settings(histories["landing_a"], histories["a"], day)
    run_refresh(settings)
    merged = _merged(_compiled(settings))
    wh_full = generated[0] / name / "pilotage.duckdb"
    run_refresh(_settings(histories["landing_a"], wh_full, day), full_refresh=True)
    queries = {**MERGING_TABLES,
               **TABLES, "kpi_observations": TABLES["kpi_observations"].replace(str(DAY_N1), str(day))}
    for table, query in queries.items():
        incremental, full = _rows(histories["a"], query), _rows(wh_full, query)
        assert len(full) > 0, table
        differ = _same_rows(incremental, full)
        assert differ == [], f"{table}: {len(differ)} rows differ, e.g. {differ[:3]}"
    return merged


def test_a_night_of_order_changes_merges_the_order_models(histories, generated):
    landing, day = histories["landing_a"], DAY_N1 + dt.timedelta(days=2)
    _, _, orders = _landing_rows(landing, "erp/orders")
    _, _, invoices = _landing_rows(landing, "erp/invoices")
    _, _, lines = _landing_rows(landing, "erp/order_lines")
    invoiced = {i["order_id"] for i in invoices}
    with_lines = {line["order_id"] for line in lines}
    # first valid orders of their customers: moving, deleting or cancelling one makes another
    # order of the customer its first (management__orders.is_first_order, new_customers)
    firsts = {r[0] for r in _rows(histories["a"], "select first_order_id from intermediate.int_customer_first_valid_orders")}
    picked = [o for o in orders if o["status"] == "delivered" and o["order_id"] in invoiced & with_lines & firsts
              and o["is_deleted"] == "false"][:5]
    assert len(picked) == 5
    moved, deleted, cancelled, relined, reinvoiced = picked
    # two more valid orders with lines, each alone in its month among tonight's changes (the
    # month cells rebuild the months of the touched orders, int_valid_order_month_cells): one
    # moved to March 2025 (its old month is known only from its earlier version), one whose
    # line changes (its month is read from the order, which tonight's files do not hold)
    month = dict(_rows(histories["a"], "select order_id, strftime(ordered_on, '%Y-%m') from intermediate.int_orders"))
    taken = {month[o["order_id"]] for o in picked} | {"2025-03"}
    alone = []
    for o in orders:
        if (o["status"] == "delivered" and o["order_id"] in with_lines and o["order_id"] in month
                and month[o["order_id"]] not in taken and len(alone) < 2):
            alone.append(o)
            taken.add(month[o["order_id"]])
    redated, relined_alone = alone
    other_customer = next(o["erp_customer_id"] for o in orders if o["erp_customer_id"] != moved["erp_customer_id"])
    other_rep = next(o["rep_id"] for o in orders if o["rep_id"] and o["rep_id"] != moved["rep_id"])
    _write_landing(landing, "erp/orders", day, [
        # its invoices follow the rep; its old customer's next order becomes the first
        {**moved, "erp_customer_id": other_customer, "rep_id": other_rep},
        {**deleted, "is_deleted": "true"},
        {**cancelled, "status": "cancelled"},
        {**redated, "ordered_at": "2025-03-14 10:00:00"}])
    changed_lines = [next(line for line in lines if line["order_id"] == order["order_id"])
                     for order in (relined, relined_alone)]
    _write_landing(landing, "erp/order_lines", day,
                   [{**line, "quantity": str(int(float(line["quantity"])) + 3)} for line in changed_lines])
    invoice = next(i for i in invoices if i["order_id"] == reinvoiced["order_id"])
    _write_landing(landing, "erp/invoices", day, [{**invoice, "invoice_id": "INV-HAND-1"}])

    merged = _night_equals_full_refresh(histories, generated, day, "night3")
    # every order and invoice model merged (management__orders and the first valid orders
    # with every order of the customers the moved, deleted and cancelled orders belonged to); the timesheets re-read no row (no new timesheet or
    # project); activities, contacts, campaign members, opportunities, cases and sessions gained nothing
    assert merged == sorted(set(MERGING_MODELS) - {"int_sales_activities", "int_contacts", "digital__sessions",
                                                   "int_web_session_events", "int_campaign_members",
                                                   "marketing__campaign_members", "int_opportunity_stage_intervals",
                                                   "int_service_cases", "int_opportunities", "pipeline__stage_intervals"})
    _uniqueness_tests_look_at_the_rewritten_keys(histories, generated, day, relined["order_id"],
                                                 {o["order_id"] for o in [*picked, *alone]})


def _uniqueness_tests_look_at_the_rewritten_keys(histories, generated, day: dt.date, relined: str,
                                                 touched: set[str]):
    """The night's uniqueness tests of merged models (macros/tests/rewritten_keys_filter.sql)
    checked only the keys the night rewrote, and still catch a new row repeating an old key."""
    import re

    tests = _compiled(_settings(histories["landing_a"], histories["a"], day), kind="test")
    lines_test = tests["unique_key_int_order_lines_order_id__line_no"]
    assert "_file in (" in lines_test  # merged: restricted to the rewritten keys
    assert "_file in (" in tests["unique_int_orders_order_id"]
    assert "_file in (" in tests["unique_key_management__orders_order_id"]
    assert "_file in (" not in tests["unique_customer_360_account_id"]  # rebuilt whole (reads as_of)
    catalog = re.search(r'from "([^"]+)"\."intermediate"', lines_test).group(1)
    copy = generated[0] / "dup" / f"{catalog}.duckdb"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(histories["a"], copy)
    with duckdb.connect(str(copy)) as con:
        def repeat_a_line_of(order_id: str) -> list[str]:
            con.execute("insert into intermediate.int_order_lines select * from intermediate.int_order_lines "
                        "where order_id = ? limit 1", [order_id])
            return [row[0] for row in con.execute(lines_test).fetchall()]

        untouched = con.execute("select min(order_id) from intermediate.int_order_lines "
                                "where not list_contains(?, order_id)", [sorted(touched)]).fetchone()[0]
        assert repeat_a_line_of(untouched) == []  # not rewritten tonight: the run that wrote it tested it
        assert repeat_a_line_of(relined) == [relined]  # a rewritten key repeated: caught


def test_a_relinked_customer_rebuilds_the_order_models_whole(histories, generated):
    landing, day = histories["landing_a"], DAY_N1 + dt.timedelta(days=3)
    _, _, customers = _landing_rows(landing, "erp/customers")
    linked = [c for c in customers if c["crm_account_id"]]
    _write_landing(landing, "erp/customers", day, [{**linked[0], "crm_account_id": linked[1]["crm_account_id"]}])

    merged = _night_equals_full_refresh(histories, generated, day, "night4")
    # int_orders and below do not declare erp/customers: a new account for a customer reaches
    # orders of any age, so they are rebuilt whole; the digital KPIs read no ERP customer: as_of
    # moved inside a month and no session came, so their table rebuilds no period
    assert merged == ["int_erp_customer_links", "kpi_observations_digital"]


def test_a_night_of_timesheets_and_sessions_merges_the_kpi_periods(histories, generated):
    """The two module tables of period KPIs (kpi_observations_profitability, _digital) rebuild
    only the periods the night's records are dated in: a timesheet moved from its year to 2024
    (its old periods are known only from its earlier version) and a session of May 2025."""
    landing, day = histories["landing_a"], DAY_N1 + dt.timedelta(days=4)
    _, _, timesheets = _landing_rows(landing, "erp/timesheets")
    moved, ahead = [t for t in timesheets if t["work_date"].startswith("2025-")
                     and float((t["hours"] or "0").replace(",", ".")) > 0][:2]
    # `ahead` is dated after this night's as_of: in no published period until as_of reaches it
    # (test_a_night_that_moves_as_of_into_new_periods_merges_them)
    _write_landing(landing, "erp/timesheets", day, [{**moved, "work_date": "2024-06-14"},
                                                    {**ahead, "work_date": "2026-03-02"}])
    _write_session(landing, day, "WS-HAND-1", "2025-05-10 10:00:00")

    merged = _night_equals_full_refresh(histories, generated, day, "night5")
    assert merged == ["digital__sessions", "int_project_timesheets", "int_web_session_events",
                      "kpi_observations_digital", "kpi_observations_profitability", "profitability__timesheets"]
    # its periods: those of the timesheet's two versions, and of the other timesheets of its
    # project (any version: a project's change reaches every timesheet of it)
    compiled = _compiled(_settings(landing, histories["a"], day))["kpi_observations_profitability"]
    assert "select cast(work_date as date) as touched_on from" in compiled
    assert "where project_id in (select project_id from" in compiled


def _write_session(landing: Path, day: dt.date, session_id: str, started_at: str) -> None:
    """A new session (web/sessions has no updated_at: append-only)."""
    delimiter, header, sessions = _landing_rows(landing, "web/sessions")
    with open(landing / "web" / "sessions" / f"hand-{day}.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=header, delimiter=delimiter)
        writer.writeheader()
        writer.writerow({**sessions[0], "session_id": session_id, "started_at": started_at})


def test_a_night_that_moves_as_of_into_new_periods_merges_them(histories, generated):
    """as_of jumps from January to 5 March 2026 with only a session as new data: the profitability
    table, whose landing got no file, merges the periods the move reaches (February and March;
    Q1 and 2026 already held January), where the timesheet dated 2 March (night N+5) now counts."""
    landing, day = histories["landing_a"], dt.date(2026, 3, 5)
    _write_session(landing, day, "WS-HAND-2", "2026-03-05 09:00:00")
    merged = _night_equals_full_refresh(histories, generated, day, "night6")
    assert "kpi_observations_profitability" in merged
    compiled = _compiled(_settings(landing, histories["a"], day))["kpi_observations_profitability"]
    assert "touched_on" not in compiled  # no timesheet or project file: the as_of move only
    march = _rows(histories["a"], "select value from kpis.kpi_observations_profitability where kpi_code = 'project_cost' "
                                  "and period_grain = 'month' and period_start = date '2026-03-01' and dimension = 'total'")
    assert len(march) == 1  # no other record is dated in March 2026
