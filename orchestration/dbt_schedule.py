"""`pilotage-dbt`: dbt's own CLI, with the longest remaining chain of work run first.

dbt hands ready nodes to its threads by depth in the graph, shallowest first (GraphQueue's
scores). In a `dbt build` every model's tests sit between it and its children, so a deep chain
(orders -> order lines -> valid orders -> order ranges -> the management KPIs -> kpi_observations)
waits behind every shallow test and mart that is ready: in a scale-10 nightly its nodes waited
16 s in all for a free thread, and the management KPI table then ran alone at the end.

Here a node's score is minus its *bottom level*: its own seconds plus the longest chain of
seconds below it (list scheduling, critical path first), and a node is taken off the queue
only when a thread is free (critical_path_first). Seconds come from a run_results.json
(PILOTAGE_DBT_TIMINGS: the dbt step passes the last build of the same kind's, a night's or a
full build's, kept under the state dir: assets/dbt.py schedule_timings); a node it does not
list counts DEFAULT_SECONDS. What runs, and every result, is dbt's own:
only the order in which ready nodes are taken changes.

tests/orchestration/test_dbt_schedule.py fails if a dbt-core upgrade renames what is replaced.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TIMINGS_ENV = "PILOTAGE_DBT_TIMINGS"
DEFAULT_SECONDS = {"model": 0.2, "seed": 0.1}  # anything else (tests): 0.05
OTHER_SECONDS = 0.05


def node_seconds(run_results: Path | None) -> dict[str, float]:
    """unique_id -> execution seconds of a run_results.json (empty when missing or unreadable)."""
    if run_results is None:
        return {}
    try:
        results = json.loads(run_results.read_text(encoding="utf-8"))["results"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {r["unique_id"]: float(r.get("execution_time") or 0.0) for r in results if "unique_id" in r}


def bottom_levels(graph, seconds: dict[str, float]) -> dict[str, float]:
    """Each node's seconds plus the longest chain of seconds among its descendants, over a
    networkx DiGraph whose edges go from parent to child."""
    import networkx as nx

    levels: dict[str, float] = {}
    for node in reversed(list(nx.topological_sort(graph))):
        below = max((levels[child] for child in graph.successors(node)), default=0.0)
        levels[node] = _seconds(node, seconds) + below
    return levels


def _seconds(node: str, seconds: dict[str, float]) -> float:
    if node in seconds:
        return seconds[node]
    return DEFAULT_SECONDS.get(node.split(".", 1)[0], OTHER_SECONDS)


def critical_path_first() -> None:
    """Replace dbt's GraphQueue scores (lower runs first) by minus the bottom levels, and take a
    node off the queue only when a thread is free to run it.

    dbt's run loop takes every ready node off its priority queue at once and hands it to the
    thread pool, whose own queue is first come, first served: the scores then only order nodes
    that become ready together. Waiting for a free thread (fewer nodes in progress than
    threads) before taking the next node lets the best-scored ready node go first."""
    from dbt.graph.queue import GraphQueue
    from dbt.task.runnable import GraphRunnableTask

    seconds = node_seconds(Path(os.environ[TIMINGS_ENV]) if os.environ.get(TIMINGS_ENV) else None)

    def scores(self, graph):  # noqa: ARG001 (GraphQueue._get_scores's signature)
        return {node: -level for node, level in bottom_levels(graph, seconds).items()}

    dbt_get, dbt_run_queue = GraphQueue.get, GraphRunnableTask.run_queue

    def get(self, block=True, timeout=None):
        slots = getattr(self, "pilotage_threads", None)
        if slots and block:
            with self.lock:  # mark_done notifies some_task_done under this lock
                while len(self.in_progress) >= slots:
                    self.some_task_done.wait(timeout=1.0)
        return dbt_get(self, block, timeout)

    def run_queue(self, pool):
        if self.job_queue is not None:
            self.job_queue.pilotage_threads = self.config.threads
        return dbt_run_queue(self, pool)

    GraphQueue._get_scores, GraphQueue.get, GraphRunnableTask.run_queue = scores, get, run_queue


def run_dbt(prog: str, args: list[str], manifest=None) -> int:
    """dbt's CLI on `args`, longest chain of work first, in this process; its exit code. What
    `pilotage-dbt` runs, itself or in a child of the refresh's warm dbt process (dbt_warm.py).
    `manifest`: one parsed from the same inputs, used instead of parsing (dbt's own mechanism:
    dbtRunner(manifest=...) puts it in the click context's obj)."""
    critical_path_first()  # reads the invocation's PILOTAGE_DBT_TIMINGS
    from dbt.cli.main import cli

    try:
        cli.main(args=args, prog_name=prog, **({"obj": {"manifest": manifest}} if manifest is not None else {}))
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    return 0


def main() -> None:
    from .dbt_warm import run_warm

    prog, args = Path(sys.argv[0]).name or "dbt", sys.argv[1:]
    code = run_warm(prog, args)  # forked from the refresh's warm dbt process, if any
    sys.exit(run_dbt(prog, args) if code is None else code)


if __name__ == "__main__":
    main()
