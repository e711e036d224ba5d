"""A throwaway local PostgreSQL server (tests, demos): initdb in a temporary directory,
listening on 127.0.0.1 only, stopped and removed at the end.

PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import PilotageError


def pg_bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise PilotageError("PostgreSQL server binaries not found (apt-get install postgresql)")
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def local_postgres(password: str | None = None):
    """Yield a dict of connection settings (host, port, user, dbname[, password]) of a fresh
    server. With `password`, TCP logins need a password (scram-sha-256) like a real server, and
    the superuser `postgres` has that one; without, every login is trusted."""
    bindir = pg_bin_dir()
    root = Path(tempfile.mkdtemp(prefix="pilotage-pg-"))
    data, sock = root / "data", root / "sock"
    sock.mkdir()
    auth = ["-A", "trust"]
    if password is not None:
        pwfile = root / "pwfile"
        pwfile.write_text(password + "\n", encoding="utf-8")
        auth = ["--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}"]
    if os.geteuid() == 0:
        for path in (root, sock, *([pwfile] if password is not None else [])):
            shutil.chown(path, "postgres")
    port = _free_port()
    run = lambda cmd: subprocess.run(_as_server_user(cmd), check=True, capture_output=True, text=True)
    try:
        run([str(bindir / "initdb"), "-D", str(data), *auth, "-U", "postgres", "--no-sync", "-E", "UTF8"])
        run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w", "-o",
             f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start"])
        yield {"host": "127.0.0.1", "port": port, "user": "postgres", "dbname": "postgres",
               **({"password": password} if password is not None else {})}
    finally:
        subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
