"""The read-only BI role (PILOTAGE_BI_ROLE) reads the published marts and nothing else: not raw,
not audit (audit.quarantine holds raw PII lines), not staging or intermediate."""
from __future__ import annotations

import json

import psycopg
import pytest

from pgtest import BI_PASSWORD, BI_ROLE

pytestmark = pytest.mark.xdist_group("postgres")


@pytest.fixture
def bi(pg_golden, connect):
    with connect(BI_ROLE, BI_PASSWORD) as con:
        yield con


def test_bi_role_reads_the_marts(bi):
    assert bi.execute("select current_user").fetchone()[0] == BI_ROLE
    assert bi.execute("select count(*) from marts.kpi_observations").fetchone()[0] > 0
    assert bi.execute("select count(*) from marts.customer_360").fetchone()[0] > 0
    assert bi.execute("select count(*) from marts.kpi_catalogue").fetchone()[0] > 0  # a seed


@pytest.mark.parametrize("relation", ["raw.crm__accounts", "raw.crm__contacts", "audit.quarantine",
                                      "audit.load_audit", "staging.stg_crm__contacts",
                                      "intermediate.int_accounts", "kpis.kpi_observations_pipeline"])
def test_bi_role_is_refused_outside_the_marts(bi, relation):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        bi.execute(f"select * from {relation} limit 1")


def test_bi_role_cannot_write_the_marts(bi):
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        bi.execute("delete from marts.crm_alerts")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        bi.execute("create table marts.mine (x int)")


def test_grants_come_from_dbt_on_postgres_only(pg_golden):
    """`+grants` (dbt_project.yml) is set on the marts models and the catalogue seed when the
    target is postgres, and empty on DuckDB (which has no GRANT)."""
    from orchestration import dbt_runner

    manifest = json.loads((dbt_runner.target_dir(pg_golden["settings"]) / "manifest.json").read_text())
    grants = {uid: node["config"].get("grants") for uid, node in manifest["nodes"].items()
              if node["resource_type"] in ("model", "seed")}
    marts = {uid for uid in grants if manifest["nodes"][uid]["config"].get("schema") == "marts"}
    assert {"model.pilotage.customer_360", "seed.pilotage.kpi_catalogue"} <= marts
    assert {grants[uid] == {"select": [BI_ROLE]} for uid in marts} == {True}
    assert {grants[uid] == {} for uid in set(grants) - marts} == {True}
    duck = json.loads(dbt_runner.MANIFEST.read_text())
    assert {node["config"].get("grants") == {} for node in duck["nodes"].values()
            if node["resource_type"] in ("model", "seed")} == {True}


def test_bi_role_has_select_on_the_marts_and_nothing_else(pg_golden, connect):
    with connect() as con:
        rows = con.execute(
            "select table_schema, privilege_type, count(*) from information_schema.role_table_grants "
            "where grantee = %s group by 1, 2 order by 1, 2", [BI_ROLE]).fetchall()
        marts = con.execute("select count(*) from information_schema.tables where table_schema = 'marts'"
                            ).fetchone()[0]
        usage = con.execute("select nspname from pg_namespace where has_schema_privilege(%s, oid, 'USAGE') "
                            "and nspname not like 'pg\\_%%' and nspname <> 'information_schema' order by 1",
                            [BI_ROLE]).fetchall()
    assert rows == [("marts", "SELECT", marts)]
    assert usage == [("marts",), ("public",)]  # public: PostgreSQL's default, holds nothing of ours
