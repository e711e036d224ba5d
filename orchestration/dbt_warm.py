"""dbt already imported when a refresh needs it: `pilotage-dbt` runs forked from a warm process.

Every `dbt build` first spends ~1.3 s importing dbt and its adapter (any scale), on the
critical path of the dbt step. A refresh (`warm_dbt`) starts a server at its beginning that
imports them while Dagster starts and the landing runs; each `pilotage-dbt` of the refresh
(dbt_schedule.main) hands the server its arguments, environment, working directory, stdout
and stderr over a Unix socket (`run_warm`), the server forks a child that runs dbt with them,
writing to the invoker's own stdout (dagster-dbt reads it as before), and the invoker exits
with the child's exit code. A fork per invocation: each dbt run starts from a clean process,
as a subprocess would. Signals the invoker gets (dagster-dbt interrupting dbt) are passed on
to the child, which acts on SIGINT and SIGTERM as a dbt started by hand would, even when the
refresh's process ignores them (_stoppable); a child whose invoker went away stops.

Before serving, the server runs one `dbt parse` in its own process when the refresh hands it
one (`warm_up`, with the run's env and vars: dbt's partial parse holds, ~1.4 s on the otherwise
idle second core while Dagster starts): every child then starts from a process in which dbt
has run once (its first invocation costs ~0.8 s more than the next: mashumaro compiling its
(de)serializers, Jinja, the JSON log events), and a `build` or `ls` parsed from the same inputs
(project files, `--vars`, the env vars of the parse stamp and those the manifest records; no
other project, profile or target named) is handed the parsed manifest, as dbt's own dbtRunner
does, instead of loading and writing it again (~0.6 s). A parse reads no database. A warm-up
that fails or is skipped changes nothing but speed (warm_up.log says which; served.log which
invocations reused the manifest).

No server (a run started from the UI or the schedule, dbt by hand), a server that does not
answer or a child that fails before dbt starts: the invocation imports and runs dbt itself.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path

WARM_ENV = "PILOTAGE_DBT_WARM"
SERVED_LOG = "served.log"
WARM_UP_LOG = "warm_up.log"  # what the server's warm-up parse did
REUSED = "reused the parsed manifest"  # served.log: an invocation handed the warm-up's manifest
REUSING_COMMANDS = ("build", "ls", "list")  # never `parse`: it is asked for to write the manifest
OTHER_PROJECT_FLAGS = ("--project-dir", "--profiles-dir", "--profile", "--target", "-t")
_preloaded: dict = {}  # the server's warm-up manifest and the inputs it was parsed from
PREFIX = "pilotage-dbt-"
_LENGTH = 8  # bytes of the request's length prefix


def warm_imports() -> None:
    """What a dbt build imports before it reads anything (the DuckDB adapter included)."""
    import dbt.adapters.duckdb.impl  # noqa: F401
    import dbt.cli.main  # noqa: F401
    import dbt.parser.manifest  # noqa: F401
    import dbt.task.build  # noqa: F401


@contextmanager
def warm_dbt(enabled: bool = True, warm_up: dict | None = None):
    """Run the body with a warm server for its `pilotage-dbt` invocations (WARM_ENV set in
    os.environ, which dagster-dbt passes to dbt); yields the server's folder (None when
    disabled). The server stops with the body. `warm_up`: {args, env, cwd, partial_parse} of a
    dbt invocation that reads no database (dbt_runner.warm_up_invocation), run by the server
    before it serves."""
    if not enabled or not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        yield None
        return
    _remove_stale_folders()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    try:
        server = _start_server(folder / "socket", warm_up)
        (folder / "server.pid").write_text(str(server.pid), encoding="utf-8")
    except OSError:  # e.g. a socket path too long under $TMPDIR: dbt starts cold
        shutil.rmtree(folder, ignore_errors=True)
        yield None
        return
    before = os.environ.get(WARM_ENV)
    os.environ[WARM_ENV] = str(folder / "socket")
    try:
        yield folder
    finally:
        if before is None:
            os.environ.pop(WARM_ENV, None)
        else:
            os.environ[WARM_ENV] = before
        server.terminate()
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _remove_stale_folders() -> None:
    """The folders of servers that are gone (a refresh killed with its process group leaves
    its folder behind); a live server's folder, another refresh's, is kept."""
    for folder in Path(tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            os.kill(int((folder / "server.pid").read_text(encoding="utf-8")), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):  # not ours to judge (no pid yet, another user's)
            continue


def _start_server(address: Path, warm_up: dict | None) -> subprocess.Popen:
    """The socket is bound here and listened to by the server: an invocation from now on waits
    in the backlog while the server imports dbt; once the server is gone nobody holds the
    socket, and an invocation's connect fails (it then starts dbt cold). The warm-up (its env
    may hold secrets) goes through the server's stdin, not a file."""
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(str(address))
        listener.listen(8)
        with open(address.parent / "server.log", "wb") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "orchestration.dbt_warm", str(listener.fileno())],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=log,
                pass_fds=(listener.fileno(),))
    finally:
        listener.close()
    try:
        server.stdin.write(json.dumps(warm_up).encode() if warm_up else b"")
        server.stdin.close()
    except OSError:  # the server is already gone: invocations will start dbt cold
        pass
    return server


def warmed_up(folder: Path | None) -> str:
    """What the server's warm-up did: `ok`, `skipped: ...`, `failed: ...`, or `` (none asked);
    a second line `restarted without it: ...` when it left threads a fork cannot carry."""
    try:
        return (folder / WARM_UP_LOG).read_text(encoding="utf-8").strip() if folder else ""
    except OSError:
        return ""


def served(folder: Path | None, reused: bool = False) -> int:
    """How many invocations the server in `folder` ran (0 without one); `reused`: how many of
    them were handed the warm-up's manifest."""
    try:
        lines = (folder / SERVED_LOG).read_text(encoding="utf-8").splitlines() if folder else []
    except OSError:
        return 0
    return sum(1 for line in lines if not reused or line.endswith(REUSED))


def parse_inputs(args: list[str], env: dict, cwd: str) -> dict | None:
    """What dbt's parse of an invocation depends on, besides the env vars the manifest records
    itself: the project's directory and files, the `--vars` text and the env vars of the parse
    stamp (dbt_runner.PARSE_ENV). None when the arguments name another project, profile or
    target: no reuse then."""
    from .dbt_runner import PARSE_ENV, project_fingerprint

    if any(arg.split("=", 1)[0] in OTHER_PROJECT_FLAGS for arg in args):
        return None
    at = args.index("--vars") if "--vars" in args else -1
    project = Path(env.get("DBT_PROJECT_DIR") or cwd).resolve()
    return {"project": str(project), "files": project_fingerprint(project),
            "vars": args[at + 1] if 0 <= at < len(args) - 1 else None,
            "env": {k: env.get(k) for k in PARSE_ENV}}


# ------------------------------------------------------------------ the invoker's side


def run_warm(prog: str, args: list[str]) -> int | None:
    """Run `<prog> <args>` (dbt) in a child of the warm server; its exit code, or None when there
    is no server or it did not start dbt (the caller then runs dbt itself)."""
    address = os.environ.get(WARM_ENV)
    if not address:
        return None
    env = {k: v for k, v in os.environ.items() if k != WARM_ENV}
    request = json.dumps({"args": args, "prog": prog, "env": env, "cwd": os.getcwd()}).encode()
    try:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    except OSError:
        return None
    try:
        conn.settimeout(2.0)
        conn.connect(address)
        socket.send_fds(conn, [len(request).to_bytes(_LENGTH, "big")],
                        [sys.stdout.fileno(), sys.stderr.fileno()])
        conn.sendall(request)
        conn.settimeout(None)  # the server may still be importing dbt: wait for it
        replies = conn.makefile("r", encoding="utf-8")
        first = replies.readline()
    except (OSError, ValueError, AttributeError):  # no server, or no stdout/stderr to hand over
        conn.close()
        return None
    if not first.startswith("pid "):
        conn.close()
        return None  # the child did not start dbt: nothing was written, run it here
    child = int(first.split()[1])
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda number, _frame: os.kill(child, number))
    last = replies.readline()
    conn.close()
    if last.startswith("exit "):
        return int(last.split()[1])
    print(f"pilotage-dbt: the warm dbt process {child} ended without an exit code", file=sys.stderr)
    return 1


# ------------------------------------------------------------------ the server


def serve(listening_fd: int) -> None:
    """Import dbt, then fork a child per connection to the listening socket until the refresh
    that started this server ends (its parent changes)."""
    _stoppable()  # for warm_dbt's SIGTERM to it, and for every child it forks (they inherit it)
    parent = os.getppid()
    listener = socket.socket(fileno=listening_fd)
    address = Path(listener.getsockname())
    warm_up = sys.stdin.read()
    warm_imports()
    if warm_up:
        log, before = address.parent / WARM_UP_LOG, _threads()
        _warm_up(json.loads(warm_up), log)
        after = _threads()
        if before is None or after != before:
            # the parse started native threads (dbt_extractor's rayon pool, when it parsed a
            # model): a forked child would wait on them forever. Start again without the warm-up
            # (stdin is at its end now): invocations wait in the backlog meanwhile
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"restarted without it: threads {before or 'uncounted'} -> {after or 'uncounted'}\n")
            os.execv(sys.executable, [sys.executable, "-m", "orchestration.dbt_warm", str(listening_fd)])
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener.settimeout(1.0)
    while os.getppid() == parent:
        try:
            conn, _ = listener.accept()
        except TimeoutError:
            continue
        if os.fork() == 0:
            listener.close()
            _child(conn, address.parent / SERVED_LOG)
        conn.close()


def _warm_up(spec: dict, log: Path) -> None:
    """Run the refresh's `dbt parse` here, output discarded, in a scratch target folder holding
    a copy of the project's partial-parse state; keep its manifest; env and cwd restored."""
    partial = Path(spec["partial_parse"])
    if not partial.is_file():  # dbt would parse the whole project: seconds, not the ~1.5 s saved
        log.write_text(f"skipped: no {partial}\n", encoding="utf-8")
        return
    scratch = log.parent / "warm-up"
    scratch.mkdir(exist_ok=True)
    shutil.copyfile(partial, scratch / partial.name)
    env, cwd = dict(os.environ), os.getcwd()
    try:
        os.environ.clear()
        os.environ.update(spec["env"])
        os.chdir(spec["cwd"])
        inputs = parse_inputs(spec["args"], spec["env"], spec["cwd"])  # before dbt reads the files
        from dbt.cli.main import dbtRunner
        from dbt.contracts.graph.manifest import Manifest

        result = dbtRunner().invoke([*spec["args"], "--target-path", str(scratch), "--log-path", str(scratch)])
        if result.success and isinstance(result.result, Manifest) and inputs is not None:
            _preloaded.update(manifest=result.result, inputs=inputs)
        log.write_text("ok\n" if result.success else f"failed: {result.exception or 'dbt reported a failure'}\n",
                       encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 (a warm-up only saves time: never fatal)
        log.write_text(f"failed: {type(exc).__name__}: {exc}\n", encoding="utf-8")
    finally:
        os.environ.clear()
        os.environ.update(env)
        os.chdir(cwd)
        shutil.rmtree(scratch, ignore_errors=True)


def _threads() -> int | None:
    """This process's OS threads (None where /proc does not tell)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return None


def _reusable_manifest(request: dict):
    """The warm-up's manifest if this invocation would parse the same one, else None."""
    manifest, args = _preloaded.get("manifest"), request["args"]
    command = next((arg for arg in args if not arg.startswith("-")), None)
    if manifest is None or command not in REUSING_COMMANDS:
        return None
    if parse_inputs(args, request["env"], request["cwd"]) != _preloaded["inputs"]:
        return None
    from dbt.constants import DEFAULT_ENV_PLACEHOLDER  # recorded for a var unset at parse (default used)

    recorded = getattr(manifest, "env_vars", None) or {}  # env_var() calls met while parsing
    if any(request["env"].get(name) != (None if value == DEFAULT_ENV_PLACEHOLDER else value)
           for name, value in recorded.items()):
        return None
    return manifest


def _child(conn: socket.socket, served_log: Path) -> None:
    """Run one dbt invocation; never returns."""
    from .dbt_schedule import run_dbt

    code = 1
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        conn.settimeout(None)
        head, fds, _, _ = socket.recv_fds(conn, _LENGTH, 2)
        head += _received(conn, _LENGTH - len(head))
        body = _received(conn, int.from_bytes(head, "big"))
        request = json.loads(body)
        for fd, target in zip(fds, (1, 2)):
            os.dup2(fd, target)
            os.close(fd)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        manifest = _reusable_manifest(request)
        with open(served_log, "a", encoding="utf-8") as log:
            log.write(" ".join(request["args"][:1]) + (f" {REUSED}" if manifest is not None else "") + "\n")
        conn.sendall(f"pid {os.getpid()}\n".encode())
        threading.Thread(target=_stop_without_invoker, args=(conn,), daemon=True).start()
        try:
            sys.argv = [request["prog"], *request["args"]]
            code = run_dbt(request["prog"], request["args"], manifest)
        except BaseException:  # noqa: BLE001 (reported as dbt's own crash would be)
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
        conn.sendall(f"exit {code}\n".encode())
    finally:
        os._exit(code)


def _stoppable() -> None:
    """SIGINT (dagster-dbt's stop: dbt's KeyboardInterrupt) and SIGTERM (ends the process) act
    in the server and its children as in a dbt started by hand, whatever the refresh's process
    left to inherit: one started as a background job ignores SIGINT, and once Dagster has run in
    it (dagster._utils.interrupts points SIGTERM at SIGINT's disposition) SIGTERM too, so the
    signals the invoker passes on would be ignored and dbt run on."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _received(conn: socket.socket, size: int) -> bytes:
    """Exactly `size` bytes; a connection closed before them ends the child."""
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            os._exit(1)
        data += chunk
    return data


def _stop_without_invoker(conn: socket.socket) -> None:
    """The invoker only waits for the exit code: the connection closing means it is gone."""
    try:
        if not conn.recv(1):
            os._exit(1)
    except OSError:
        os._exit(1)


if __name__ == "__main__":
    serve(int(sys.argv[1]))
