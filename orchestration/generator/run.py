"""`generate`: build the synthetic company step by step and write its landing directory
(and optional daily delta folders). Writing runs in a background thread, overlapping the
generation of the next step; output does not depend on timing (one random stream per file)."""
from __future__ import annotations

import sys
import time
from concurrent.futures import ThreadPoolExecutor

from tqdm import tqdm

from ..contract import ENTITIES
from .deltas import DeltaState, delta_days, delta_frames
from .landing import write_base, write_delta
from .options import MessRates, resolve_options
from .report import GenerateReport
from .steps import STEPS
from .world import World


def generate(out, scale: float = 0.01, seed: int = 42, start=None, end=None, delta_days: int = 0,
             progress: bool = False, mess: MessRates | None = None) -> GenerateReport:
    """Write a synthetic landing directory at `out` (see docs/generator.md)."""
    t0 = time.perf_counter()
    opts = resolve_options(out, scale=scale, seed=seed, start=start, end=end, delta_days=delta_days,
                           progress=progress, mess=mess)
    world = World.create(opts)
    report = GenerateReport(out=opts.out, scale=opts.scale, seed=opts.seed, start=opts.start, end=opts.end)
    opts.out.mkdir(parents=True, exist_ok=True)
    bar = tqdm(total=len(ENTITIES) + opts.delta_days, disable=not opts.progress, file=sys.stderr,
               unit="entity", desc="generate", leave=True)
    results = {}
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            pending = []
            for name, step in STEPS:
                bar.set_postfix_str(name)
                for frame in step(world):
                    fut = pool.submit(write_base, world, frame)
                    fut.add_done_callback(lambda _f: bar.update(1))
                    pending.append((frame.entity.path, fut))
            for path, fut in pending:
                results[path] = fut.result()
        _collect(report, results, world)
        if opts.delta_days:
            _write_deltas(world, report, bar)
    finally:
        bar.close()
    report.seconds = time.perf_counter() - t0
    return report


def _collect(report: GenerateReport, results: dict, world: World) -> None:
    missing = [e.path for e in ENTITIES if e.path not in results]
    if missing:
        raise RuntimeError(f"generator steps did not produce {missing}")
    for e in ENTITIES:
        r = results[e.path]
        report.rows[e.path] = r["rows"]
        report.files.extend(r["files"])
        for key in ("malformed", "versions", "tombstones", "duplicates"):
            if r[key]:
                report.mess[f"{key}:{e.path}"] = r[key]
    report.mess.update(world.mess_counts)


def _write_deltas(world: World, report: GenerateReport, bar) -> None:
    opts = world.opts
    state = DeltaState(world)
    report.deltas_dir = opts.deltas_dir
    opts.deltas_dir.mkdir(parents=True, exist_ok=True)
    for day, iso in delta_days(world):
        bar.set_postfix_str(f"delta {iso}")
        for frame in delta_frames(world, state, day):
            rows, rel = write_delta(world, frame, opts.deltas_dir, iso)
            report.delta_rows[frame.entity.path] = report.delta_rows.get(frame.entity.path, 0) + rows
            report.delta_files.append(rel)
        report.delta_days.append(iso)
        bar.update(1)
