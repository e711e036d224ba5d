"""Alerting: a line per run in `<state_dir>/alerts.log` (run failures and failed checks), and, if
PILOTAGE_WEBHOOK_URL is set, a JSON POST for every run that failed or has a failed check.
A webhook that cannot be reached is logged, never raised: alerting must not fail a run.

`pilotage refresh` calls `report_run` itself (no daemon there); under `dagster dev` / the daemon
the two sensors below do it for runs launched from the UI or the schedule.
"""

import datetime as dt
import json
import os
import urllib.error
import urllib.request
from pathlib import Path

import dagster as dg

from .assets.run_events import RunEvents, read_run
from .checks.config import load_config

ALERTED_TAG = "pilotage/alerted"  # runs whose alert was already sent by `pilotage refresh`
LOG_NAME = "alerts.log"


def log_path(state_dir: Path) -> Path:
    return Path(state_dir) / LOG_NAME


def _log(state_dir: Path, line: str) -> None:
    path = log_path(state_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"{stamp} {line}\n")


def payload(events: RunEvents, *, warehouse: str | None = None, published: bool | None = None) -> dict:
    published = events.success if published is None else published
    return {
        "source": "pilotage",
        "run_id": events.run_id,
        "job": events.job,
        "status": "published" if published else "failed",
        "reason": None if published else events.reason(),
        "failed_checks": [c.as_dict() for c in events.failed_checks],
        "warehouse": warehouse,
    }


def post_webhook(url: str, body: dict, timeout: float) -> str | None:
    """POST body as JSON; returns None on success, else a one-line error."""
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "User-Agent": "pilotage-alerting"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if response.status >= 300:
                return f"HTTP {response.status}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return " ".join(str(getattr(exc, "reason", exc)).split())[:200]
    return None


def notify(state_dir: Path, body: dict) -> None:
    """Write the summary line; POST it when something failed and a webhook is configured."""
    failed = body["failed_checks"]
    checks = "; ".join(f"{c['asset']}:{c['check']} ({c['severity']}) {c['description']}" for c in failed)
    line = f"{body['job']} run {body['run_id'][:8]} {body['status']}"
    if body.get("reason"):
        line += f": {body['reason']}"
    line += f" | {len(failed)} failed check(s)" + (f": {checks}" if checks else "")
    _log(state_dir, line)
    url = os.environ.get("PILOTAGE_WEBHOOK_URL", "").strip()
    if url and (body["status"] != "published" or failed):
        timeout = float(load_config()["alerting"]["webhook_timeout_seconds"])
        error = post_webhook(url, body, timeout)
        if error:
            _log(state_dir, f"webhook {url} failed: {error}")


def report_run(state_dir: Path, events: RunEvents, *, warehouse: str | None = None,
               published: bool | None = None) -> dict:
    body = payload(events, warehouse=warehouse, published=published)
    notify(state_dir, body)
    return body


# ---------------------------------------------------------------- sensors (daemon / dagster dev)


def _state_dir_of(run: dg.DagsterRun) -> Path:
    from .settings import resolve

    config = ((run.run_config or {}).get("resources", {}).get("pilotage", {}) or {}).get("config", {})
    return Path(config["state_dir"]) if config.get("state_dir") else resolve().state_dir


def build_sensors(running: bool) -> list:
    status = dg.DefaultSensorStatus.RUNNING if running else dg.DefaultSensorStatus.STOPPED

    @dg.run_failure_sensor(name="pilotage_run_failure_alert", default_status=status,
                           description="Logs and posts (PILOTAGE_WEBHOOK_URL) every failed run.")
    def run_failure_alert(context: dg.RunFailureSensorContext):
        run = context.dagster_run
        if run.tags.get(ALERTED_TAG):
            return
        report_run(_state_dir_of(run), read_run(context.instance, run.run_id))

    @dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS, name="pilotage_check_failure_summary",
                          default_status=status,
                          description="Logs and posts the failed (WARN) checks of successful runs.")
    def check_failure_summary(context: dg.RunStatusSensorContext):
        run = context.dagster_run
        if run.tags.get(ALERTED_TAG):
            return
        events = read_run(context.instance, run.run_id)
        if events.failed_checks:
            report_run(_state_dir_of(run), events)

    return [run_failure_alert, check_failure_summary]
