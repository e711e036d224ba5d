"""What a run did, read back from its Dagster event log: step timings, materializations, check
results and the reason it failed. Shared by `pilotage refresh` and the alerting sensors."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from dagster import DagsterEventType, DagsterInstance


@dataclass
class CheckRow:
    asset: str
    name: str
    passed: bool
    severity: str  # "WARN" | "ERROR"
    description: str
    step: str = ""  # the step that evaluated it (dbt tests: the dbt step)

    def line(self) -> str:
        verdict = "ok" if self.passed else f"FAILED ({self.severity})"
        return f"{self.asset}:{self.name} {verdict}: {self.description}"

    def as_dict(self) -> dict:
        return {"asset": self.asset, "check": self.name, "passed": self.passed,
                "severity": self.severity, "description": self.description}


@dataclass
class RunEvents:
    run_id: str
    job: str
    success: bool
    steps: dict[str, dict] = field(default_factory=dict)  # step key -> start, end, status
    materializations: dict[str, dict] = field(default_factory=dict)  # asset key -> plain metadata
    checks: list[CheckRow] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (step key, one-line message)
    check_steps: set[str] = field(default_factory=set)
    dbt_parse_seconds: float = 0.0  # `dbt parse` run inside the dbt step (project files or vars changed)

    @property
    def failed_checks(self) -> list[CheckRow]:
        return [c for c in self.checks if not c.passed]

    def seconds(self, step: str) -> float | None:
        s = self.steps.get(step)
        if not s or s.get("end") is None or s.get("start") is None:
            return None
        return s["end"] - s["start"]

    def checks_seconds(self) -> float:
        return sum(self.seconds(k) or 0.0 for k in self.check_steps)

    def reason(self) -> str:
        """One line: why the run did not publish."""
        errors = [c for c in self.failed_checks if c.severity == "ERROR"]
        if errors:
            first = errors[0]
            more = f" (+{len(errors) - 1} more ERROR checks)" if len(errors) > 1 else ""
            return f"ERROR check {first.name} on {first.asset} failed: {first.description}{more}"
        if self.failures:
            step, message = self.failures[0]
            return f"step {step} failed: {message}"
        return "the run did not complete"


def _one_line(text: str, limit: int = 400) -> str:
    return " ".join((text or "").split())[:limit]


def _error_message(error) -> str:
    """Innermost user error of a SerializableErrorInfo chain, without the class prefix noise."""
    while error is not None and error.cause is not None and error.cls_name in (
            "DagsterExecutionStepExecutionError", "DagsterUserCodeExecutionError",
            "DagsterExecutionInterruptedError"):
        error = error.cause
    if error is None:
        return "unknown error"
    message = error.message or ""
    head, sep, rest = message.partition(": ")
    if sep and head.split(".")[-1] == error.cls_name:
        message = rest
    if error.cls_name not in ("Failure", "PilotageError"):
        # an unexpected exception: its class says more than a bare message such as `0`
        message = f"{error.cls_name}: {message}"
    return _one_line(message)


def _plain(metadata) -> dict:
    out = {}
    for key, value in (metadata or {}).items():
        out[key] = getattr(value, "value", value)
    return out


PARSE_MESSAGE = "dbt parse (manifest was stale for this run) took {:.1f} s"  # logged by the dbt step
PARSE_LOG = re.compile(re.escape(PARSE_MESSAGE.split("{")[0]) + r"([0-9.]+) s")


def read_run(instance: DagsterInstance, run_id: str) -> RunEvents:
    run = instance.get_run_by_id(run_id)
    entries = instance.all_logs(run_id)
    result = RunEvents(run_id=run_id, job=run.job_name if run else "?",
                       success=bool(run and run.status.value == "SUCCESS"))
    for entry in entries:
        event = entry.dagster_event
        if event is None:
            if parsed := PARSE_LOG.match(entry.user_message or ""):
                result.dbt_parse_seconds += float(parsed.group(1))
            continue
        kind, step = event.event_type, event.step_key
        if kind == DagsterEventType.STEP_START:
            result.steps.setdefault(step, {})["start"] = entry.timestamp
        elif kind in (DagsterEventType.STEP_SUCCESS, DagsterEventType.STEP_FAILURE):
            result.steps.setdefault(step, {}).update(
                end=entry.timestamp, status="success" if kind == DagsterEventType.STEP_SUCCESS else "failure")
            if kind == DagsterEventType.STEP_FAILURE:
                data = event.step_failure_data
                user = getattr(data, "user_failure_data", None)
                message = _one_line(user.description) if user and user.description else _error_message(data.error)
                result.failures.append((step, message))
        elif kind == DagsterEventType.STEP_SKIPPED:
            result.steps.setdefault(step, {})["status"] = "skipped"
        elif kind == DagsterEventType.ASSET_MATERIALIZATION:
            mat = event.event_specific_data.materialization
            result.materializations[mat.asset_key.to_user_string()] = _plain(mat.metadata)
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION:
            ev = event.event_specific_data
            result.checks.append(CheckRow(ev.asset_key.to_user_string(), ev.check_name, ev.passed,
                                          ev.severity.value, _one_line(ev.description or ""), step or ""))
            if step:
                result.check_steps.add(step)
    # the dbt step evaluates the dbt tests: it is not a "check step"
    result.check_steps = {s for s in result.check_steps if s not in ("dbt_models", "recette")}
    return result
