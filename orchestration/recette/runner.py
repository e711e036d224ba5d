"""run_recette: read the warehouse once, validate every batch with GX, write the reports."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from ..errors import PilotageError
from .result import RecetteResult

DEFAULT_OUT = Path("reports") / "recette"


def run_recette(warehouse_path, out_dir=None, cahier=None) -> RecetteResult:
    """Run the acceptance suites on a published warehouse file.

    warehouse_path  DuckDB file, opened read-only (missing: PilotageError, one line); or a
                    reader with `.read(spec)` and `.label` (pg_warehouse.PgWarehouse: the
                    PostgreSQL target's build schemas).
    out_dir         report directory (default reports/recette): summary.html, summary.md and
                    the GX Data Docs site under data_docs/.
    cahier          a cahier de recette (Python file, e.g. tests/golden_expected.py); default
                    $PILOTAGE_CAHIER; none: the golden suites are not run.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    reader = warehouse_path if hasattr(warehouse_path, "read") else None
    warehouse_path = warehouse_path.label if reader else Path(warehouse_path).resolve()
    if reader is None and not warehouse_path.is_file():
        raise PilotageError(f"warehouse not found: {warehouse_path} (run `pilotage refresh` first, or pass --warehouse)")
    step = time.perf_counter()
    from . import gx_import  # noqa: F401  (GX's own start-up, measured apart; pyspark hidden)
    timings["gx_import"] = time.perf_counter() - step

    from . import batches as build
    from .checks import coherence_rows, fill_golden, ordered, sanity_rows
    from .coherence import comparisons
    from .golden import load_cahier
    from .gx_run import run_batches
    from .read_ahead import take
    from .report import write_reports
    from .spec import load_spec, resolve_cahier
    from .warehouse import read_warehouse

    cahier_path = resolve_cahier(cahier)
    book = load_cahier(cahier_path) if cahier_path else None
    out = Path(out_dir).resolve() if out_dir else DEFAULT_OUT.resolve()

    step = time.perf_counter()
    spec = load_spec()
    if reader:
        wh = reader.read(spec)
    else:  # read while the checks ran (read_ahead.py), else now
        wh = take(warehouse_path) or read_warehouse(warehouse_path, spec)
    timings["read"] = time.perf_counter() - step

    step = time.perf_counter()
    compared = comparisons(wh, spec)
    batches = build.core_batches(wh, spec) + [
        build.column_types_batch(wh), build.mart_batch(wh, spec), *build.module_batches(wh, spec),
        build.coherence_batch(compared)]
    golden_rows: list[dict] = []
    if book is not None:
        more, golden_rows = build.golden_batches(book, wh)
        batches += more
    timings["prepare"] = time.perf_counter() - step

    docs = out / "data_docs"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir(parents=True, exist_ok=True)
    outcomes = run_batches(batches, docs, timings)

    step = time.perf_counter()
    fill_golden(golden_rows, outcomes)
    rows = ordered(golden_rows + coherence_rows(compared)
                   + sanity_rows(wh.frame("marts.kpi_observations"), spec))
    suites: dict[str, tuple[int, int]] = {}
    warnings: dict[str, int] = {}
    for batch in batches:
        for name in batch.suites:
            suites[name], warnings[name] = (0, 0), 0
    for o in outcomes:
        passed, failed = suites[o.suite]
        if o.success:
            suites[o.suite] = (passed + 1, failed)
        elif o.severity == "critical":
            suites[o.suite] = (passed, failed + 1)
        else:
            warnings[o.suite] += 1
    failures = sorted((vars(o) for o in outcomes if not o.success),
                      key=lambda f: f["severity"] != "critical")
    result = RecetteResult(
        success=all(failed == 0 for _, failed in suites.values()),
        report_path=out / "summary.html", results=rows, suites=suites, seconds=0.0,
        warnings={k: v for k, v in warnings.items() if v}, failures=failures, out_dir=out,
        data_docs=docs, warehouse=warehouse_path, cahier=cahier_path, as_of=wh.as_of, timings=timings)
    result.seconds = time.perf_counter() - started
    write_reports(result)
    timings["reports"] = time.perf_counter() - step
    result.seconds = time.perf_counter() - started
    write_reports(result)  # again, with the final timings
    return result
