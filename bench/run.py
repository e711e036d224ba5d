"""`make bench SCALE=N`: generate -> full refresh -> floor -> one nightly incremental refresh
(run three times on the same delta, rolled back in between: the median is reported) -> a night
with no new file -> the full refresh of the same days as the nightly; writes bench/results/<date>-sf<N>.json and .md.

The full refresh is measured before and after the nightlies: this shared machine's speed
drifts within a bench (the floor took 66 to 95 s on the same SQL within an hour, the same
nightly 32 to 62 s), so the nightly and idle-night ratios divide by the mean of the two full
refreshes around them; the ratio to each is reported too.

Every figure comes from this one run on this machine; ratios to the floor are the ones to quote.
Each refresh and the floor run in their own process (as the nightly does): wall time and peak
memory are theirs, not the bench's.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bench.memory import PeakTreeMemory
from orchestration.generator import apply_delta, generate
from orchestration.generator.options import deltas_dir_for
from orchestration.publish import rollback
from orchestration.settings import PROJECT_DIR, resolve

RESULTS = PROJECT_DIR / "bench" / "results"


def _child(module: str, *args: str) -> dict:
    """Run `python -m module args` (a refresh or the floor) in its own process, as production
    does: its wall time and the peak memory of its process tree, plus the JSON it prints.
    The previous step's writes (GBs at scale 10: the floor's database, a published warehouse) are
    flushed first, so that their write-back is not billed to this step's copy of the warehouse."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT_DIR), os.environ.get("PYTHONPATH")])))
    os.sync()
    started = time.perf_counter()
    with PeakTreeMemory(children_only=True) as memory:
        proc = subprocess.run([sys.executable, "-m", module, *args], cwd=PROJECT_DIR, env=env,
                              capture_output=True, text=True)
    if proc.returncode != 0:
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        raise SystemExit(f"bench: {module} failed: {lines[-1] if lines else proc.returncode}")
    return {"seconds": round(time.perf_counter() - started, 3), **json.loads(proc.stdout.strip().splitlines()[-1]),
            "peak_rss_mib": round(memory.peak_bytes / 2**20, 1)}


def _refresh(landing: Path, warehouse: Path, as_of: dt.date, full: bool) -> dict:
    return _child("bench.refresh_once", "--landing", str(landing), "--warehouse", str(warehouse),
                  "--as-of", as_of.isoformat(), *(["--full-refresh"] if full else []))


def _nightly_runs(landing: Path, warehouse: Path, day: dt.date, repeats: int) -> tuple[dict, list[float]]:
    """The nightly `repeats` times on the same delta, rolled back to the full refresh in between
    (`pilotage rollback`): this machine is shared, and one run's copy of the warehouse can meet a
    slow disk (the same nightly took 64 to 84 s). Returns the median run (the slower of the
    middle two for an even count) and every run's seconds, in order."""
    runs = []
    for i in range(max(repeats, 1)):
        if i:
            rollback(warehouse, 1, Path(os.environ["PILOTAGE_STATE_DIR"]))
        runs.append(_refresh(landing, warehouse, day, full=False))
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return ordered[len(ordered) // 2], [r["seconds"] for r in runs]


def run(scale: float, seed: int, workdir: Path, full_only: bool = False, nightly_repeats: int = 3,
        full_after: bool = True) -> dict:
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    os.environ["PILOTAGE_STATE_DIR"] = str(workdir / "state")
    landing = workdir / "landing"

    started = time.perf_counter()
    with PeakTreeMemory() as gen_memory:
        report = generate(landing, scale=scale, seed=seed, delta_days=1, progress=True)
    generated = {"seconds": time.perf_counter() - started, "rows": report.total_rows,
                 "rows_per_s": round(report.total_rows / max(report.seconds, 1e-9)),
                 "peak_rss_mib": round(gen_memory.peak_bytes / 2**20, 1)}
    as_of = report.end

    warehouse = workdir / "warehouse" / "pilotage.duckdb"
    full = _refresh(landing, warehouse, as_of, full=True)
    machine = {"cores": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
               "python": platform.python_version(), "platform": platform.platform()}
    if full_only:  # scale 30: does a full refresh complete within the memory limit?
        return {"date": dt.date.today().isoformat(), "scale": scale, "seed": seed, "machine": machine,
                "generate": generated, "full_refresh": full}
    vars_json = json.dumps(resolve(landing=str(landing), warehouse=str(warehouse), as_of=as_of.isoformat()).vars())
    floor = _child("bench.floor", str(warehouse), str(workdir), vars_json)

    next_day = as_of + dt.timedelta(days=1)
    copied = apply_delta(deltas_dir_for(landing), next_day, landing)
    nightly, nightly_seconds = _nightly_runs(landing, warehouse, next_day, nightly_repeats)
    idle = _refresh(landing, warehouse, next_day, full=False)
    # the full refresh the nightly stands for (days 1..N+1), after the nightlies: into the same
    # warehouse, as an operator's full refresh does (a new path would also make dbt parse again)
    after = _refresh(landing, warehouse, next_day, full=True) if full_after else None
    fulls = [full["seconds"]] + ([after["seconds"]] if after else [])
    full_s = sum(fulls) / len(fulls)
    dbt_s = full["stages"].get("dbt", float("nan"))
    return {
        "date": dt.date.today().isoformat(), "scale": scale, "seed": seed,
        "machine": machine, "generate": generated, "full_refresh": full, "floor": floor,
        "nightly_incremental": {**nightly, "delta_files": len(copied), "runs_seconds": nightly_seconds},
        "nightly_no_new_file": idle,
        **({"full_refresh_after": after, "full_refresh_mean_seconds": round(full_s, 3)} if after else {}),
        "ratios": {
            "full_refresh_over_floor": round(full["seconds"] / floor["seconds"], 2),
            "dbt_build_over_floor": round(dbt_s / floor["seconds"], 2),
            "nightly_over_full": round(nightly["seconds"] / full_s, 3),
            "idle_night_over_full": round(idle["seconds"] / full_s, 3),
            "nightly_over_each_full": [round(nightly["seconds"] / s, 3) for s in fulls],
        },
    }


def markdown_full_only(r: dict) -> str:
    full = r["full_refresh"]
    lines = [f"# Benchmark, scale {r['scale']} ({r['date']}), full refresh only", "",
             f"Machine: {r['machine']['cores']} cores, {r['machine']['memory_gib']} GiB. "
             f"Generated {r['generate']['rows']:,} rows in {r['generate']['seconds']:.1f} s.", "",
             "| stage (s) | full refresh |", "| --- | ---: |"]
    lines += [f"| {s} | {v:.1f} |" for s, v in full["stages"].items()]
    lines += [f"| **total** | **{full['seconds']:.1f}** |",
              f"| peak RSS of the process tree (MiB) | {full['peak_rss_mib']} |",
              f"| loader rows/s | {full['loader_rows_per_s']} |",
              f"| warehouse size (MiB) | {full['warehouse_mib']} |"]
    return "\n".join(lines) + "\n"


def markdown(r: dict) -> str:
    if "floor" not in r:
        return markdown_full_only(r)
    full, night, idle = r["full_refresh"], r["nightly_incremental"], r["nightly_no_new_file"]
    runs = night.get("runs_seconds", [night["seconds"]])  # results written before repeats: one run
    stages = sorted(set(full["stages"]) | set(night["stages"]))
    lines = [f"# Benchmark, scale {r['scale']} ({r['date']})", "",
             f"Machine: {r['machine']['cores']} cores, {r['machine']['memory_gib']} GiB. "
             f"Generated {r['generate']['rows']:,} rows in {r['generate']['seconds']:.1f} s "
             f"({r['generate']['rows_per_s']:,} rows/s).", "",
             "| stage (s) | full refresh | nightly (1 day of deltas) | night with no new file |",
             "| --- | ---: | ---: | ---: |"]
    for s in stages:
        lines.append(f"| {s} | {full['stages'].get(s, 0):.1f} | {night['stages'].get(s, 0):.1f} | {idle['stages'].get(s, 0):.1f} |")
    lines += [f"| **total** | **{full['seconds']:.1f}** | **{night['seconds']:.1f}** | **{idle['seconds']:.1f}** |",
              f"| peak RSS of the process tree (MiB) | {full['peak_rss_mib']} | {night['peak_rss_mib']} | {idle['peak_rss_mib']} |",
              f"| loader rows/s | {full['loader_rows_per_s']} | {night['loader_rows_per_s']} | {idle['loader_rows_per_s']} |",
              f"| warehouse size (MiB) | {full['warehouse_mib']} | {night['warehouse_mib']} | {idle['warehouse_mib']} |",
              f"| dbt models rebuilt / kept as published | {full['dbt_nodes_rebuilt']} / {full['dbt_nodes_kept']} "
              f"| {night['dbt_nodes_rebuilt']} / {night['dbt_nodes_kept']} | {idle['dbt_nodes_rebuilt']} / {idle['dbt_nodes_kept']} |", "",
              f"Nightly scope: {night['scope']}. Idle night: {idle['scope']}.", "",
              f"The nightly ran {len(runs)} time(s) on the same delta, rolled back in between: "
              + ", ".join(f"{s:.1f}" for s in runs) + " s; its column is the median run.", "",
              f"Floor (compiled SQL of the same {r['floor']['models']} models, one DuckDB connection): "
              f"{r['floor']['seconds']:.1f} s.", ""]
    after = r.get("full_refresh_after")
    if after:
        mean = r["full_refresh_mean_seconds"]
        lines += [f"Full refresh measured before the nightlies (days 1..N) {full['seconds']:.1f} s and after "
                  f"them (days 1..N+1) {after['seconds']:.1f} s (load {after['stages'].get('load', 0):.1f}, "
                  f"dbt {after['stages'].get('dbt', 0):.1f}); the nightly and idle ratios divide by their mean, "
                  f"{mean:.1f} s.", ""]
    lines += [f"- {k.replace('_', ' ')}: **{' / '.join(map(str, v)) if isinstance(v, list) else v}**"
              for k, v in r["ratios"].items()]
    for label, run in (("full refresh", full), ("nightly", night)):
        prof = run.get("dbt_slowest") or {}
        if prof:
            lines += ["", f"dbt profile of the {label} (thread seconds by type: "
                      + ", ".join(f"{k} {v}" for k, v in prof["by_type"].items()) + "); slowest nodes: "
                      + ", ".join(f"{k} {v}" for k, v in prof["nodes"].items()) + "."]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--workdir", default=None, help="default bench/work/sf<scale> (deleted first)")
    parser.add_argument("--full-only", action="store_true", help="generate and one full refresh (scale 30)")
    parser.add_argument("--nightly-repeats", type=int, default=3,
                        help="runs of the nightly on the same delta (median reported; default 3)")
    parser.add_argument("--one-full", action="store_true",
                        help="no second full refresh after the nightlies (ratios to the first only)")
    args = parser.parse_args()
    workdir = Path(args.workdir or PROJECT_DIR / "bench" / "work" / f"sf{args.scale:g}")
    result = run(args.scale, args.seed, workdir, full_only=args.full_only, nightly_repeats=args.nightly_repeats,
                 full_after=not args.one_full)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = RESULTS / f"{result['date']}-sf{args.scale:g}"
    stem.with_suffix(".json").write_text(json.dumps(result, indent=2, default=str) + "\n")
    stem.with_suffix(".md").write_text(markdown(result))
    print(markdown(result))
    print(f"written: {stem}.json, {stem}.md")


if __name__ == "__main__":
    main()
