"""config/pilotage.yml: check thresholds and severities, publish, alerting and schedule settings.

The defaults below are the documented ones (docs/orchestration.md); the YAML file overrides any
of them key by key. `PILOTAGE_CONFIG` points at another file (tests use it).
"""
from __future__ import annotations

import copy
import os
from pathlib import Path

import yaml

from ..errors import PilotageError
from ..settings import PROJECT_DIR

WARN, ERROR = "warn", "error"

DEFAULTS: dict = {
    "checks": {
        "contact_completeness": {"severity": WARN, "fields": ["email", "phone"], "min_ratio": 0.80},
        "duplicate_contacts": {"severity": WARN, "max_ratio": 0.02},
        "duplicate_accounts": {"severity": WARN, "max_ratio": 0.02},
        "customer_status_consistency": {"severity": ERROR},
        "alert_volume_jump": {"severity": WARN, "max_ratio": 1.5, "min_delta": 20},
        "quarantine_rate": {"severity": WARN, "max_ratio": 0.01},
        "landing_freshness": {
            "severity": WARN,
            "max_age_hours": 36,
            "expected_entities": ["crm/accounts", "crm/contacts", "crm/opportunities",
                                  "crm/activities", "erp/orders", "erp/order_lines", "erp/invoices"],
        },
        "required_marts_non_empty": {
            "severity": ERROR,
            "tables": ["marts.kpi_catalogue", "marts.kpi_observations", "marts.customer_360"],
        },
        "audit_invariant": {"severity": ERROR},
        "recette": {"severity": ERROR},
    },
    "publish": {"keep_versions": 3},
    "alerting": {"webhook_timeout_seconds": 5},
    "schedule": {"cron": "0 2 * * *", "timezone": "Europe/Paris", "running_by_default": True},
}


def config_path() -> Path:
    value = os.environ.get("PILOTAGE_CONFIG", "").strip()
    return Path(value).resolve() if value else PROJECT_DIR / "config" / "pilotage.yml"


def _merge(base: dict, override: dict, where: str) -> dict:
    out = copy.deepcopy(base)
    for key, value in (override or {}).items():
        if isinstance(out.get(key), dict):
            if not isinstance(value, dict):
                raise PilotageError(f"{where}.{key} must be a mapping in {config_path()}")
            out[key] = _merge(out[key], value, f"{where}.{key}")
        else:
            out[key] = value
    return out


def load_config(path: Path | None = None) -> dict:
    """Defaults overridden by the YAML file (missing file = defaults)."""
    path = path or config_path()
    data: dict = {}
    if path.exists():
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise PilotageError(f"cannot read {path}: {str(exc).splitlines()[0]}") from None
        if not isinstance(data, dict):
            raise PilotageError(f"{path} must be a mapping")
    config = _merge(DEFAULTS, data, "config")
    for name, check in config["checks"].items():
        severity = str(check.get("severity", WARN)).lower()
        if severity not in (WARN, ERROR):
            raise PilotageError(f"checks.{name}.severity must be warn or error, got {severity!r} ({path})")
        check["severity"] = severity
    return config


def check_config(name: str) -> dict:
    """The (merged) settings of one check, read at evaluation time so edits apply to the next run."""
    return load_config()["checks"][name]
