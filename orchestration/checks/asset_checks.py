"""Dagster asset checks over the build warehouse, one per rule of checks/rules.py.

Every check is *blocking*: the publish asset (downstream of everything) waits for all of them,
and one failing with ERROR severity stops the publish. The severity and thresholds are read from
config/pilotage.yml when the check runs.
"""

from collections.abc import Callable

import dagster as dg
import duckdb
import yaml

from .. import duck
from .. import publish as wap
from ..assets.resources import PilotageResource
from ..settings import Settings
from . import rules
from .config import ERROR, check_config, load_config

LOAD_AUDIT = dg.AssetKey(["audit", "load_audit"])
CONTACTS = dg.AssetKey(["staging", "stg_crm__contacts"])
ACCOUNTS = dg.AssetKey(["staging", "stg_crm__accounts"])
CUSTOMER_360 = dg.AssetKey(["marts", "customer_360"])
ALERTS = dg.AssetKey(["marts", "crm_alerts"])
ORDERS = dg.AssetKey(["staging", "stg_erp__orders"])
LINKS = dg.AssetKey(["intermediate", "int_erp_customer_links"])

Evaluate = Callable[[Settings, dict], rules.Outcome]


def _metadata(meta: dict) -> dict:
    return {k: v if isinstance(v, (int, float, str, bool)) else str(v) for k, v in meta.items()}


def _read_only(settings: Settings, reads: tuple[str, ...] = ()):
    """The build, read-only, as a DuckDB connection. On the postgres target: an in-memory copy of
    the build schemas' relations `reads` (pg_mirror), so the rules stay written once."""
    from .. import pg_run

    if pg_run.is_postgres(settings):
        return pg_run.build_reader(reads)
    return duck.connect(settings.build_path, read_only=True)


def make_check(config_name: str, asset_key: dg.AssetKey, description: str, evaluate: Evaluate,
               *, name: str | None = None, additional_deps=()) -> dg.AssetChecksDefinition:
    @dg.asset_check(asset=asset_key, name=name or config_name, blocking=True, description=description,
                    additional_deps=list(additional_deps))
    def _check(pilotage: PilotageResource) -> dg.AssetCheckResult:
        settings = pilotage.settings()
        cfg = check_config(config_name)
        outcome = evaluate(settings, cfg)
        severity = dg.AssetCheckSeverity.ERROR if cfg["severity"] == ERROR else dg.AssetCheckSeverity.WARN
        return dg.AssetCheckResult(passed=outcome.passed, severity=severity,
                                   description=outcome.description,
                                   metadata={**_metadata(outcome.metadata), "severity": cfg["severity"]})

    return _check


# ---------------------------------------------------------------- evaluators


def _with_build(rule, *reads: str) -> Evaluate:
    """`reads`: the relations the rule queries (what the postgres target copies for it)."""
    def evaluate(settings: Settings, cfg: dict) -> rules.Outcome:
        with _read_only(settings, reads) as con:
            return rule(con, settings, cfg)
    return evaluate


def _cycle_vars(settings: Settings) -> tuple[float, float]:
    """default / min ordering cycle: run vars, else dbt_project.yml vars, else 30 / 7."""
    try:
        project = yaml.safe_load((settings.project_dir / "dbt_project.yml").read_text(encoding="utf-8"))
        defaults = project.get("vars") or {}
    except (OSError, yaml.YAMLError):
        defaults = {}
    merged = {**defaults, **settings.vars()}
    return (float(merged.get("default_ordering_cycle_days") or 30),
            float(merged.get("min_ordering_cycle_days") or 7))


def _customer_status(con, settings, cfg):
    default_cycle, min_cycle = _cycle_vars(settings)
    return rules.customer_status_consistency(con, settings.as_of, default_cycle, min_cycle)


def _alert_jump(con, settings, cfg):
    from .. import pg_run

    current = (pg_run.current_info(settings) if pg_run.is_postgres(settings)
               else wap.current_info(settings.state_dir, settings.warehouse))
    previous = (current or {}).get("alerts")
    return rules.alert_volume_jump(rules.alert_count(con), previous, float(cfg["max_ratio"]),
                                   int(cfg["min_delta"]))


def _freshness(settings: Settings, cfg: dict) -> rules.Outcome:
    return rules.landing_freshness(settings.landing, list(cfg["expected_entities"]),
                                   float(cfg["max_age_hours"]))


def build_asset_checks(known: set[dg.AssetKey]) -> list[dg.AssetChecksDefinition]:
    """The checks whose target asset exists in this code location."""
    candidates = [
        ("audit_invariant", LOAD_AUDIT, "rows_read = rows_loaded + rows_quarantined for every landing file.",
         _with_build(lambda con, s, c: rules.audit_invariant(con), rules.LOAD_AUDIT), {}),
        ("quarantine_rate", LOAD_AUDIT, "Share of landing rows quarantined stays under the threshold.",
         _with_build(lambda con, s, c: rules.quarantine_rate(con, float(c["max_ratio"])), rules.LOAD_AUDIT), {}),
        ("landing_freshness", LOAD_AUDIT, "Every entity expected nightly got a new landing file.",
         _freshness, {}),
        ("contact_completeness", CONTACTS, "Live contacts have their contact fields filled.",
         _with_build(lambda con, s, c: rules.contact_completeness(con, list(c["fields"]), float(c["min_ratio"])),
                     rules.CONTACTS), {}),
        ("duplicate_contacts", CONTACTS, "Few live contacts share an email.",
         _with_build(lambda con, s, c: rules.duplicate_contacts(con, float(c["max_ratio"])), rules.CONTACTS), {}),
        ("duplicate_accounts", ACCOUNTS, "Few live accounts share a VAT number or a name and country.",
         _with_build(lambda con, s, c: rules.duplicate_accounts(con, float(c["max_ratio"])), rules.ACCOUNTS), {}),
        ("customer_status_consistency", CUSTOMER_360,
         "Every customer_360 row obeys the inactive/lost rule, recomputed from the order dates.",
         _with_build(_customer_status, rules.CUSTOMER_360, rules.ORDERS, rules.LINKS),
         {"additional_deps": [k for k in (ORDERS, LINKS) if k in known]}),
        ("alert_volume_jump", ALERTS, "Alert volume did not jump versus the previously published run.",
         _with_build(_alert_jump, rules.ALERTS), {}),
    ]
    checks = [make_check(name, key, text, fn, **extra)
              for name, key, text, fn, extra in candidates if key in known]
    for table in load_config()["checks"]["required_marts_non_empty"]["tables"]:
        key = dg.AssetKey(table.split("."))
        if key in known:
            checks.append(make_check(
                "required_marts_non_empty", key, f"{table} exists and is not empty.",
                _with_build(lambda con, s, c, table=table: rules.non_empty(con, table), table), name="non_empty"))
    return checks
