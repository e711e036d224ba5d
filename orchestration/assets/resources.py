"""The `pilotage` resource: the run's Settings, from run config, else PILOTAGE_* variables.

Every field is passed in the run config by `pilotage refresh` and by the schedule (a partial
resource config would reset the other fields to their class defaults), so one run reads one
consistent set of settings. While the run lasts the resource holds the warehouse's refresh lock.
"""

import json
from contextlib import contextmanager
from pathlib import Path

import dagster as dg

from ..settings import Settings, resolve

FULL_REFRESH_JOB = "full_refresh"
NIGHTLY_JOB = "nightly_refresh"


class PilotageResource(dg.ConfigurableResource):
    """Paths, reporting date and time zone of a run (see orchestration/settings.py)."""

    landing: str = ""
    warehouse: str = ""
    as_of: str = ""  # YYYY-MM-DD; empty = today in the reporting time zone
    timezone: str = ""
    target: str = ""
    state_dir: str = ""
    dbt_vars_json: str = ""  # extra dbt vars, a JSON object

    def settings(self) -> Settings:
        base = resolve(self.landing or None, self.warehouse or None, self.as_of or None,
                       self.target or None, self.timezone or None)
        changes = {}
        if self.state_dir:
            changes["state_dir"] = Path(self.state_dir).resolve()
        if self.dbt_vars_json:
            changes["dbt_vars"] = json.loads(self.dbt_vars_json)
        return base.with_(**changes) if changes else base

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext):
        from ..publish import refresh_lock

        settings = self.settings()
        with refresh_lock(settings.warehouse):
            if settings.target == "postgres":  # the build schemas are shared by every machine
                from ..postgres import PgTarget, build_lock

                with build_lock(PgTarget.from_env()):
                    yield self
            else:
                yield self


def resource_config(settings: Settings) -> dict:
    """The `pilotage` resource config that reproduces `settings` exactly."""
    return {
        "landing": str(settings.landing),
        "warehouse": str(settings.warehouse),
        "as_of": settings.as_of.isoformat(),
        "timezone": settings.timezone,
        "target": settings.target,
        "state_dir": str(settings.state_dir),
        "dbt_vars_json": json.dumps(settings.dbt_vars, sort_keys=True) if settings.dbt_vars else "",
    }


def run_config(settings: Settings) -> dict:
    return {"resources": {"pilotage": {"config": resource_config(settings)}}}


def is_full_refresh(context) -> bool:
    return context.run.job_name == FULL_REFRESH_JOB
