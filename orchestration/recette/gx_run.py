"""Run the suites with Great Expectations 1.x and build its Data Docs site.

One ephemeral context (nothing is written but the Data Docs under the report directory), one
pandas data source, one dataframe asset per batch. GX hands the same `batch_parameters` to
every ValidationDefinition of a Checkpoint, and a dataframe asset takes its DataFrame from
there: so each batch has its own Checkpoint (its suites as ValidationDefinitions), all runs
share one run id, and the Data Docs are built once at the end.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

SITE = "recette"


@dataclass
class Batch:
    name: str                          # data asset name
    frame: pd.DataFrame
    suites: dict[str, list]            # suite name -> GX expectations
    index: tuple[str, ...] = ()        # columns naming a failing row


@dataclass
class Outcome:
    """One expectation's result, in plain Python."""
    suite: str
    batch: str
    expectation: str
    column: str | None
    description: str
    severity: str
    success: bool
    observed: str
    meta: dict = field(default_factory=dict)
    error: str | None = None


def _context(docs_dir: Path):
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig)

    site = {"class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                              "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"}}
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(), data_docs_sites={SITE: site},
        analytics_enabled=False, progress_bars=ProgressBarsConfig(globally=False))
    return gx.get_context(mode="ephemeral", project_config=config)


def _error(exception_info: Any) -> str | None:
    infos = [exception_info] if isinstance(exception_info, dict) and "raised_exception" in exception_info \
        else list((exception_info or {}).values()) if isinstance(exception_info, dict) else []
    for info in infos:
        if isinstance(info, dict) and (info.get("raised_exception") or info.get("exception_message")):
            message = str(info.get("exception_message") or "error").strip().splitlines()
            return message[-1] if message else "error"
    return None


def _observed(result: dict) -> str:
    if "observed_value" in result:
        value = result["observed_value"]
        return str(value if not isinstance(value, float) else f"{value:.10g}")
    if "unexpected_count" in result:
        count = result.get("unexpected_count") or 0
        if not count:
            return "0 unexpected"
        where = result.get("partial_unexpected_index_list") or result.get("partial_unexpected_list") or []
        shown = "; ".join(", ".join(f"{v}" for v in w.values()) if isinstance(w, dict) else str(w)
                          for w in where[:5])
        return f"{count} unexpected: {shown}" + (" ..." if count > 5 else "")
    return ""


def _outcomes(batch: str, suite_result) -> list[Outcome]:
    out = []
    for r in suite_result.results:
        config = r.expectation_config
        kwargs = config.kwargs or {}
        error = _error(r.exception_info)
        out.append(Outcome(
            suite=suite_result.suite_name, batch=batch, expectation=config.type,
            column=kwargs.get("column") or (", ".join(kwargs["column_list"]) if "column_list" in kwargs else None),
            description=config.description or "", severity=getattr(config.severity, "value", str(config.severity)),
            success=bool(r.success), observed=error or _observed(r.result or {}),
            meta=dict(config.meta or {}), error=error))
    return out


def run_batches(batches: list[Batch], docs_dir: Path, timings: dict[str, float]) -> list[Outcome]:
    """Validate every batch, build the Data Docs under docs_dir; fills `timings` (seconds)."""
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier

    start = time.perf_counter()
    context = _context(docs_dir)
    source = context.data_sources.add_pandas("warehouse")
    timings["gx_context"] = time.perf_counter() - start

    start = time.perf_counter()
    checkpoints = []
    for batch in batches:
        definition = source.add_dataframe_asset(batch.name).add_batch_definition_whole_dataframe(batch.name)
        validations = []
        for suite_name, expectations in batch.suites.items():
            suite = context.suites.add(gx.ExpectationSuite(name=suite_name, expectations=expectations))
            validations.append(context.validation_definitions.add(
                gx.ValidationDefinition(name=suite_name, data=definition, suite=suite)))
        result_format: dict = {"result_format": "SUMMARY", "partial_unexpected_count": 10}
        if batch.index and set(batch.index) <= set(batch.frame.columns):
            result_format["unexpected_index_column_names"] = list(batch.index)
        checkpoints.append(context.checkpoints.add(gx.Checkpoint(
            name=f"recette.{batch.name}", validation_definitions=validations, actions=[],
            result_format=result_format)))
    timings["gx_setup"] = time.perf_counter() - start

    start = time.perf_counter()
    run_id = RunIdentifier(run_name="recette", run_time=dt.datetime.now(dt.timezone.utc))
    outcomes: list[Outcome] = []
    for batch, checkpoint in zip(batches, checkpoints):
        result = checkpoint.run(batch_parameters={"dataframe": batch.frame}, run_id=run_id)
        for suite_result in result.run_results.values():
            outcomes += _outcomes(batch.name, suite_result)
    timings["gx_validation"] = time.perf_counter() - start

    start = time.perf_counter()
    context.build_data_docs(site_names=[SITE])
    timings["gx_data_docs"] = time.perf_counter() - start
    return outcomes
