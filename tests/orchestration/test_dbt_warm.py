"""`pilotage-dbt` forked from a refresh's warm dbt process (orchestration/dbt_warm.py): same
output, exit code, environment and working directory as a cold start; without a server it
starts cold."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from orchestration import dbt_warm

PILOTAGE_DBT = str(Path(sys.executable).parent / "pilotage-dbt")


def _run(args, env=None, cwd=None):
    return subprocess.run([PILOTAGE_DBT, *args], capture_output=True, text=True,
                          env=env or dict(os.environ), cwd=cwd)


@pytest.fixture
def warm():
    with dbt_warm.warm_dbt() as folder:
        yield folder


def test_an_invocation_is_served_warm_with_dbt_s_output(warm):
    out = _run(["--version"])
    assert out.returncode == 0 and "installed: 1.11." in out.stdout
    assert dbt_warm.served(warm) == 1


def test_the_exit_code_and_stderr_are_dbt_s(warm):
    warm_out = _run(["no-such-command"])
    assert dbt_warm.served(warm) == 1
    cold_out = _run(["no-such-command"], env={k: v for k, v in os.environ.items() if k != dbt_warm.WARM_ENV})
    assert warm_out.returncode == cold_out.returncode == 2
    assert warm_out.stderr == cold_out.stderr
    assert "Usage: pilotage-dbt [OPTIONS]" in warm_out.stderr and "No such command 'no-such-command'" in warm_out.stderr


def test_the_invoker_s_environment_and_directory_reach_dbt(warm, tmp_path):
    env = {**os.environ, "DBT_PROFILES_DIR": str(tmp_path / "profiles-here")}
    out = _run(["debug", "--config-dir"], env=env, cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.rstrip().endswith(str(tmp_path / "profiles-here"))
    assert dbt_warm.served(warm) == 1


def test_without_a_server_dbt_starts_cold(tmp_path):
    env = {**os.environ, dbt_warm.WARM_ENV: str(tmp_path / "no-socket")}
    out = _run(["--version"], env=env)
    assert out.returncode == 0 and "installed: 1.11." in out.stdout


def test_the_server_stops_with_the_refresh():
    with dbt_warm.warm_dbt() as folder:
        address = os.environ[dbt_warm.WARM_ENV]
        assert address == str(folder / "socket")
    assert dbt_warm.WARM_ENV not in os.environ and not folder.exists()
    assert dbt_warm.served(None) == 0


@pytest.fixture
def ignoring_stops():
    """The refresh's process ignores SIGINT and SIGTERM while it starts its warm server, as one
    started as a background job does once Dagster has run in it (a job without job control
    ignores SIGINT; dagster._utils.interrupts points SIGTERM at SIGINT's disposition)."""
    before = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with dbt_warm.warm_dbt() as folder:
            yield folder
    finally:
        for sig, handler in before.items():
            signal.signal(sig, handler)


@pytest.mark.parametrize("server, sig, exit_code, message", [
    ("warm", signal.SIGTERM, 1, True),
    ("warm", signal.SIGKILL, -signal.SIGKILL, False),
    ("ignoring_stops", signal.SIGTERM, 1, True),
    ("ignoring_stops", signal.SIGINT, 2, False),  # dagster-dbt's stop: dbt's KeyboardInterrupt
], ids=["sigterm", "sigkill", "sigterm-refresh-ignoring-it", "sigint-refresh-ignoring-it"])
def test_a_signal_to_the_invoker_reaches_its_dbt(request, tmp_path, server, sig, exit_code, message):
    """dagster-dbt stops dbt by signalling the process it started: the child running dbt gets
    the signal (SIGTERM ends dbt at once, SIGINT interrupts it), or stops when its invoker is
    gone (SIGKILL), even when the refresh's process ignores those signals. The macro alone
    would run for ten minutes or more; the bounds leave room for a loaded machine."""
    warm = request.getfixturevalue(server)
    project = tmp_path / "p"
    (project / "macros").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: p\nversion: '1.0'\nprofile: p\n")
    (project / "macros" / "spin.sql").write_text(
        "{% macro spin() %}{% for x in modules.itertools.repeat(1, 20000000000) %}"
        "{% set y = x + 1 %}{% endfor %}{% endmacro %}\n")
    (project / "profiles.yml").write_text(
        f"p:\n  target: d\n  outputs:\n    d:\n      type: duckdb\n      path: {tmp_path / 'p.duckdb'}\n")
    env = {**os.environ, "DBT_PROFILES_DIR": str(project)}
    proc = subprocess.Popen([PILOTAGE_DBT, "run-operation", "spin"], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out = _lines(proc.stdout)
        started = time.monotonic()
        while not any("Usage of itertools modules is deprecated" in line for line in out):
            assert proc.poll() is None and time.monotonic() - started < 60, out
            time.sleep(0.1)
        assert len(_forked_from()) == 2  # the server and the child running dbt, in the macro
        signalled = time.monotonic()
        proc.send_signal(sig)
        assert proc.wait(timeout=90) == exit_code
        assert ("ended without an exit code" in proc.stderr.read()) == message
        while len(_forked_from()) > 1 and time.monotonic() - signalled < 90:
            time.sleep(0.1)
        assert len(_forked_from()) == 1  # the child stopped
        assert time.monotonic() - signalled < 90  # long before the macro's end
    finally:
        proc.kill()  # a child that ignored the signal stops with its invoker gone


def test_the_server_of_a_refresh_ignoring_sigterm_stops_on_it(ignoring_stops):
    """warm_dbt stops its server by SIGTERM (SIGKILL only after 5 s)."""
    assert _run(["--version"]).returncode == 0 and dbt_warm.served(ignoring_stops) == 1  # it serves
    server = int((ignoring_stops / "server.pid").read_text())
    os.kill(server, signal.SIGTERM)
    started = time.monotonic()
    while _stat(server)[0] != b"Z" and time.monotonic() - started < 20:  # ended, not yet reaped
        time.sleep(0.1)
    assert _stat(server)[0] == b"Z"


def _lines(stream) -> list[str]:
    """The lines `stream` gives, as they come (read by a thread)."""
    lines: list[str] = []

    def read() -> None:
        for line in stream:
            lines.append(line)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _forked_from() -> list[int]:
    """The live warm server this test process started and its children (dbt runs)."""
    procs = {}
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit():
                state, ppid = _stat(int(entry.name))
                procs[int(entry.name)] = (ppid, state != b"Z", (entry / "cmdline").read_bytes())
        except (OSError, ValueError):
            continue
    servers = [pid for pid, (ppid, live, cmd) in procs.items()
               if ppid == os.getpid() and live and b"orchestration.dbt_warm" in cmd]
    return servers + [pid for pid, (ppid, live, _) in procs.items() if ppid in servers and live]


def _stat(pid: int) -> tuple[bytes, int]:
    """A process's state (b"Z": ended, not yet reaped) and parent, from /proc."""
    state, ppid = (Path("/proc") / str(pid) / "stat").read_bytes().rsplit(b")", 1)[1].split()[:2]
    return state, int(ppid)


def test_a_socket_path_too_long_means_no_server(tmp_path, monkeypatch):
    """AF_UNIX paths hold at most 107 bytes: under a deeper $TMPDIR there is no warm server
    and the refresh's dbt starts cold."""
    deep = tmp_path / ("d" * 100)
    deep.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(deep))
    with dbt_warm.warm_dbt() as folder:
        assert folder is None and dbt_warm.WARM_ENV not in os.environ
    assert list(deep.iterdir()) == []


def test_a_connection_that_sends_nothing_ends_its_child(warm):
    import socket as socket_

    conn = socket_.socket(socket_.AF_UNIX, socket_.SOCK_STREAM)
    conn.connect(str(warm / "socket"))
    started = time.monotonic()
    while len(_forked_from()) < 2 and time.monotonic() - started < 20:
        time.sleep(0.05)
    conn.close()
    while len(_forked_from()) > 1 and time.monotonic() - started < 20:
        time.sleep(0.05)
    assert len(_forked_from()) == 1


def test_the_folder_of_a_killed_refresh_is_removed_by_the_next(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale, live, unknown = (tmp_path / f"{dbt_warm.PREFIX}{n}" for n in ("stale", "live", "unknown"))
    for folder, pid in ((stale, gone.pid), (live, os.getpid()), (unknown, None)):
        folder.mkdir()
        if pid is not None:
            (folder / "server.pid").write_text(str(pid))
    with dbt_warm.warm_dbt() as folder:
        assert folder is not None and (folder / "server.pid").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, unknown.name])


# ---------------------------------------------------------------- the warm-up parse before serving


def _small_project(tmp_path: Path) -> tuple[Path, dict]:
    """A one-model DuckDB project, parsed once (its partial-parse state under target/), and
    the environment its invocations run with. Nothing here creates the database file."""
    project = tmp_path / "p"
    (project / "models").mkdir(parents=True)
    (project / "dbt_project.yml").write_text("name: p\nversion: '1.0'\nprofile: p\n")
    (project / "models" / "m.sql").write_text("select 1 as x\n")
    (project / "profiles.yml").write_text(
        f"p:\n  target: d\n  outputs:\n    d:\n      type: duckdb\n      path: {tmp_path / 'p.duckdb'}\n")
    env = {k: v for k, v in os.environ.items() if k != dbt_warm.WARM_ENV}
    env.update(DBT_PROFILES_DIR=str(project), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    parsed = subprocess.run([PILOTAGE_DBT, "parse", "--vars", "{}"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert parsed.returncode == 0, parsed.stdout + parsed.stderr
    return project, env


def _warm_up(project: Path, env: dict, args=("parse", "--vars", "{}")) -> dict:
    return {"args": list(args), "env": env, "cwd": str(project),
            "partial_parse": str(project / "target" / "partial_parse.msgpack")}


def _ls(project: Path, env: dict, *more: str) -> list[str]:
    out = _run(["--no-use-colors", "ls", "--quiet", "--resource-type", "model", "--output", "name", *more],
               env={**os.environ, **env}, cwd=project)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout.split()


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_an_invocation_parsed_from_the_same_inputs_is_handed_the_warm_up_s_manifest(tmp_path):
    project, env = _small_project(tmp_path)
    target_before = _mtimes(project / "target")
    with dbt_warm.warm_dbt(warm_up=_warm_up(project, env)) as folder:
        assert _ls(project, env, "--vars", "{}") == ["m"]
        assert dbt_warm.warmed_up(folder) == "ok"  # before the invocation was served
        assert dbt_warm.served(folder) == dbt_warm.served(folder, reused=True) == 1
        assert not (folder / "warm-up").exists()  # its scratch target folder is removed
    assert not (tmp_path / "p.duckdb").exists()  # a parse and an `ls` open no database
    # neither the warm-up (its own scratch folder) nor the served `ls` (handed the manifest:
    # nothing to load or write; it writes its graph files, as any `ls`) rewrote target/'s files
    after = _mtimes(project / "target")
    assert "manifest.json" in target_before and {k: after[k] for k in target_before} == target_before


@pytest.mark.parametrize("change", ["a model added", "other vars", "a parse", "another profiles dir"])
def test_an_invocation_parsed_from_other_inputs_parses_itself(tmp_path, change):
    project, env = _small_project(tmp_path)
    with dbt_warm.warm_dbt(warm_up=_warm_up(project, env)) as folder:
        if change == "a model added":  # after the warm-up parsed the project
            while dbt_warm.warmed_up(folder) != "ok":
                time.sleep(0.1)
            (project / "models" / "n.sql").write_text("select 2 as y\n")
            assert _ls(project, env, "--vars", "{}") == ["m", "n"]
        elif change == "other vars":
            assert _ls(project, env, "--vars", '{"x": 1}') == ["m"]
        elif change == "a parse":  # asked for to write the manifest: never handed one
            before = (project / "target" / "manifest.json").stat().st_mtime_ns
            out = _run(["parse", "--vars", "{}"], env={**os.environ, **env}, cwd=project)
            assert out.returncode == 0 and (project / "target" / "manifest.json").stat().st_mtime_ns > before
        else:
            assert _ls(project, env, "--vars", "{}", "--profiles-dir", str(project)) == ["m"]
        assert dbt_warm.served(folder) == 1 and dbt_warm.served(folder, reused=True) == 0


def test_a_warm_up_without_partial_parse_state_is_skipped(tmp_path):
    project, env = _small_project(tmp_path)
    (project / "target" / "partial_parse.msgpack").unlink()
    with dbt_warm.warm_dbt(warm_up=_warm_up(project, env)) as folder:
        assert _ls(project, env, "--vars", "{}") == ["m"]
        assert dbt_warm.warmed_up(folder) == f"skipped: no {project / 'target' / 'partial_parse.msgpack'}"
        assert dbt_warm.served(folder, reused=True) == 0


def test_a_failing_warm_up_changes_nothing_but_speed(tmp_path):
    project, env = _small_project(tmp_path)
    with dbt_warm.warm_dbt(warm_up=_warm_up(project, env, args=("no-such-command",))) as folder:
        assert _ls(project, env, "--vars", "{}") == ["m"]
        assert dbt_warm.warmed_up(folder).startswith("failed: ")
        assert "No such command 'no-such-command'" in dbt_warm.warmed_up(folder)
        assert dbt_warm.served(folder) == 1 and dbt_warm.served(folder, reused=True) == 0
    with dbt_warm.warm_dbt() as folder:  # none asked
        assert dbt_warm.warmed_up(folder) == ""


def test_a_warm_up_that_leaves_native_threads_restarts_the_server_without_it(tmp_path):
    """A parse that parses models starts dbt_extractor's rayon threads; a child forked from that
    process would hang in its own parse. Here the warm-up's env differs from the one the
    partial-parse state was written with (dbt parses every model again): the server starts
    again, cold, and a served `dbt parse` of the project completes."""
    project, env = _small_project(tmp_path)
    for i in range(20):  # enough models for the static parser's parallel type check
        (project / "models" / f"m{i}.sql").write_text(f"select {i} as x from {{{{ ref('m') }}}}\n")
    other = {**env, "DBT_PROFILES_DIR": str(project), "PILOTAGE_TARGET": "elsewhere"}
    with dbt_warm.warm_dbt(warm_up=_warm_up(project, other)) as folder:
        out = _run(["parse", "--vars", "{}"], env={**os.environ, **env}, cwd=project)
        assert out.returncode == 0, out.stdout + out.stderr
        lines = dbt_warm.warmed_up(folder).splitlines()
        assert lines[0] == "ok" and lines[1].startswith("restarted without it: threads ")
        assert dbt_warm.served(folder) == 1 and dbt_warm.served(folder, reused=True) == 0
