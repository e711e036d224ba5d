"""One refresh in its own process, as the nightly runs it (`pilotage refresh`): prints one JSON
line with its stages and loader figures. bench.run measures its wall time and peak memory."""
from __future__ import annotations

import argparse
import json
import time

from orchestration.cli import exit_now
from orchestration.refresh import run_refresh
from orchestration.settings import resolve


def _slowest(run_results, top: int = 12) -> dict:
    """The profile of the dbt build: its slowest nodes and the time by resource type (seconds
    of thread time; 2 threads)."""
    try:
        results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    except (OSError, ValueError, KeyError):
        return {}
    by_type: dict[str, float] = {}
    for r in results:
        kind = r["unique_id"].split(".")[0]
        by_type[kind] = round(by_type.get(kind, 0.0) + r["execution_time"], 1)
    slowest = sorted(results, key=lambda r: -r["execution_time"])[:top]
    return {"by_type": by_type,
            "nodes": {r["unique_id"].split(".", 2)[-1]: round(r["execution_time"], 1) for r in slowest}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--landing", required=True)
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--full-refresh", action="store_true")
    args = parser.parse_args()
    settings = resolve(landing=args.landing, warehouse=args.warehouse, as_of=args.as_of)
    started = time.perf_counter()
    result = run_refresh(settings, full_refresh=args.full_refresh)
    # imported after the refresh, as `pilotage refresh` does (Dagster's imports are the refresh's)
    from orchestration.assets.dbt import last_run_results_path
    load = result.events.materializations.get("audit/load_audit", {})
    dbt_assets, kept = result.dbt_materializations(), result.kept_reasons()
    print(json.dumps({
        "dbt_slowest": _slowest(last_run_results_path(settings)),
        "refresh_seconds": round(time.perf_counter() - started, 3),
        "stages": {k: round(v, 3) for k, v in result.stages.items()},
        "rows_read": load.get("rows_read"),
        "loader_rows_per_s": round(load["rows_read"] / load["seconds"]) if load.get("seconds") else None,
        "warehouse_mib": round(settings.warehouse.stat().st_size / 2**20, 1),
        "dbt_nodes_rebuilt": len(dbt_assets) - len(kept), "dbt_nodes_kept": len(kept),
        "scope": kept[0] if kept else "everything",
        "dbt_warm": {"started_warm": result.dbt_started_warm, "warm_up": result.dbt_warm_up,
                     "reused_manifest": result.dbt_reused_manifest},
    }))


if __name__ == "__main__":
    main()
    exit_now(0)  # as `pilotage refresh` ends (orchestration/cli.py)
