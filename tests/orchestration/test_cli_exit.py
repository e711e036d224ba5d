"""`pilotage` ends through exit_now: output flushed, sys.exit's codes, no Python teardown."""
from __future__ import annotations

import subprocess
import sys

from orchestration.settings import PROJECT_DIR


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_DIR, timeout=120)


def test_exit_now_flushes_and_keeps_sys_exit_codes():
    done = _python("import logging, sys; from orchestration.cli import exit_now\n"
                   "logging.basicConfig(stream=sys.stderr, format='%(message)s'); logging.warning('logged')\n"
                   "print('partial', end=''); exit_now(None)")
    assert (done.returncode, done.stdout, done.stderr) == (0, "partial", "logged\n")
    failed = _python("from orchestration.cli import exit_now; print('out'); exit_now('pilotage: boom')")
    assert (failed.returncode, failed.stdout, failed.stderr) == (1, "out\n", "pilotage: boom\n")
    assert _python("from orchestration.cli import exit_now; exit_now(3)").returncode == 3


def test_the_console_script_exits_with_click_s_code():
    """`run` wraps the click group: --help exits 0 with its text, a user error 1 with one line."""
    ok = _python("import sys; sys.argv = ['pilotage', '--help']; from orchestration.cli import run; run()")
    assert ok.returncode == 0 and ok.stdout.startswith("Usage: pilotage")
    bad = _python("import sys; sys.argv = ['pilotage', 'refresh', '--landing', '/does/not/exist']\n"
                  "from orchestration.cli import run; run()")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert bad.stderr.startswith("pilotage: ")
