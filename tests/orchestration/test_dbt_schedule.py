"""`pilotage-dbt` runs the longest remaining chain of work first (orchestration/dbt_schedule.py)."""
from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
from dbt.graph.queue import GraphQueue

from orchestration import dbt_runner, dbt_schedule

# a deep chain (stg -> its test -> int -> kpi) and a wide shallow set of marts and tests
EDGES = [("model.p.stg", "test.p.not_null_stg"), ("test.p.not_null_stg", "model.p.int"),
         ("model.p.int", "model.p.kpi")]
SHALLOW = ["model.p.a_mart", "test.p.a_test", "model.p.b_mart"]


def _graph() -> nx.DiGraph:
    graph = nx.DiGraph(EDGES)
    graph.add_nodes_from(SHALLOW)
    return graph


class _Manifest:
    def expect(self, unique_id):  # GraphQueue.get() returns the manifest's node: here its id
        return unique_id


def _order(graph: nx.DiGraph) -> list[str]:
    """The order in which one thread takes the nodes off dbt's queue."""
    queue, taken = GraphQueue(graph, _Manifest(), set(graph)), []
    while len(queue):
        node = queue.get(block=False)
        taken.append(node)
        queue.mark_done(node)
    return taken


def test_bottom_levels_add_each_node_to_its_longest_chain_below():
    seconds = {"model.p.stg": 1.0, "model.p.int": 2.0, "model.p.kpi": 3.0, "model.p.a_mart": 4.0}
    levels = dbt_schedule.bottom_levels(_graph(), seconds)
    # the test takes the default 0.05 s, b_mart the model default 0.2 s
    assert levels == {"model.p.kpi": 3.0, "model.p.int": 5.0, "test.p.not_null_stg": 5.05,
                      "model.p.stg": 6.05, "model.p.a_mart": 4.0, "test.p.a_test": 0.05, "model.p.b_mart": 0.2}


def test_dbt_takes_the_shallow_nodes_first_and_pilotage_dbt_the_critical_path(monkeypatch):
    assert _order(_graph()) == ["model.p.a_mart", "model.p.b_mart", "model.p.stg", "test.p.a_test",
                                "test.p.not_null_stg", "model.p.int", "model.p.kpi"]
    monkeypatch.setattr(GraphQueue, "_get_scores", GraphQueue._get_scores)  # restored after the test
    monkeypatch.delenv(dbt_schedule.TIMINGS_ENV, raising=False)
    dbt_schedule.critical_path_first()
    # no timings: models 0.2 s, tests 0.05 s; the chain first (stg 0.65 s with what is below
    # it, then its test 0.45 s, int 0.4 s), then the 0.2 s models by name, the lone test last
    assert _order(_graph()) == ["model.p.stg", "test.p.not_null_stg", "model.p.int", "model.p.a_mart",
                                "model.p.b_mart", "model.p.kpi", "test.p.a_test"]


def test_the_last_run_s_seconds_order_the_queue(monkeypatch, tmp_path):
    results = tmp_path / "last_run_results.json"
    results.write_text(json.dumps({"results": [{"unique_id": "model.p.a_mart", "execution_time": 9.0},
                                               {"unique_id": "model.p.stg", "execution_time": 0.1}]}))
    monkeypatch.setattr(GraphQueue, "_get_scores", GraphQueue._get_scores)
    monkeypatch.setenv(dbt_schedule.TIMINGS_ENV, str(results))
    dbt_schedule.critical_path_first()
    assert _order(_graph())[0] == "model.p.a_mart"  # 9 s alone outweighs the 0.55 s chain
    assert dbt_schedule.node_seconds(tmp_path / "missing.json") == {}


def test_a_build_is_ordered_by_the_last_build_of_its_kind(tmp_path):
    """A night is ordered by the last night's seconds, a full build by the last full build's;
    the first night after a full refresh by the full refresh's; nothing yet: the defaults."""
    from types import SimpleNamespace

    from orchestration.assets.dbt import schedule_timings, timings_path

    settings = SimpleNamespace(state_dir=tmp_path / "state", warehouse=tmp_path / "wh" / "pilotage.duckdb")
    nightly, everything = timings_path(settings, False), timings_path(settings, True)
    assert (nightly.name, everything.name) == ("timings_nightly.json", "timings_everything.json")
    assert nightly.parent == everything.parent == tmp_path / "state" / "published" / nightly.parent.name
    assert schedule_timings(settings, False) == nightly and not nightly.exists()
    everything.parent.mkdir(parents=True)
    everything.write_text("{}")
    assert schedule_timings(settings, False) == everything
    nightly.write_text("{}")
    assert (schedule_timings(settings, False), schedule_timings(settings, True)) == (nightly, everything)
    everything.unlink()
    assert schedule_timings(settings, True) == nightly


def test_pilotage_dbt_is_dbt_with_the_same_answers():
    """The console script runs dbt's own CLI (what the Dagster job's build runs)."""
    executable = dbt_runner.build_executable()
    assert executable.endswith("pilotage-dbt")
    done = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=120)
    plain = subprocess.run([dbt_runner.dbt_executable(), "--version"], capture_output=True, text=True, timeout=120)
    assert done.returncode == plain.returncode == 0
    assert done.stdout.splitlines()[:2] == plain.stdout.splitlines()[:2]


def test_the_replaced_dbt_internals_are_still_there():
    """dbt-core computes the scores once, in GraphQueue.__init__, and queues (score, node)."""
    import inspect

    assert "self._scores = self._get_scores(self.graph)" in inspect.getsource(GraphQueue.__init__)
    assert "self.inner.put((self._scores[node], node))" in inspect.getsource(GraphQueue._find_new_additions)
    assert sys.modules["dbt.graph.queue"].GraphQueue is GraphQueue


def test_a_node_leaves_the_queue_only_when_a_thread_is_free(monkeypatch):
    """With one thread and one node in progress, the next get() waits for its mark_done."""
    import threading
    import time

    monkeypatch.setattr(GraphQueue, "_get_scores", GraphQueue._get_scores)
    monkeypatch.setattr(GraphQueue, "get", GraphQueue.get)
    from dbt.task.runnable import GraphRunnableTask

    monkeypatch.setattr(GraphRunnableTask, "run_queue", GraphRunnableTask.run_queue)
    dbt_schedule.critical_path_first()
    queue = GraphQueue(_graph(), _Manifest(), set(_graph()))
    queue.pilotage_threads = 1  # what the patched run_queue sets from dbt's thread count
    first, events = queue.get(), []

    def finish():
        time.sleep(0.3)
        events.append("done")
        queue.mark_done(first)

    threading.Thread(target=finish).start()
    second = queue.get()
    events.append("got")
    assert (first, second, events) == ("model.p.stg", "test.p.not_null_stg", ["done", "got"])


def test_the_scheduler_can_be_switched_off(monkeypatch):
    monkeypatch.setenv(dbt_runner.SCHEDULER_ENV, "dbt")
    assert dbt_runner.build_executable() == dbt_runner.dbt_executable()
