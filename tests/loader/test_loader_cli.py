"""`pilotage load`: a user mistake is one line on stderr and exit 1, never a traceback."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
from click.testing import CliRunner

from orchestration.cli import main

PILOTAGE = Path(sys.executable).with_name("pilotage")


def test_missing_landing_exits_1_with_one_line_on_stderr(tmp_path):
    missing = tmp_path / "nope"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PILOTAGE_")}
    done = subprocess.run([str(PILOTAGE), "load", "--landing", str(missing),
                           "--warehouse", str(tmp_path / "w.duckdb")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert done.stderr == f"pilotage: landing directory not found: {missing}\n"
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "w.duckdb").exists()


def test_load_command_loads_and_prints_the_summary(tmp_path, monkeypatch):
    for key in [k for k in os.environ if k.startswith("PILOTAGE_")]:
        monkeypatch.delenv(key)
    landing = tmp_path / "landing"
    (landing / "crm/accounts").mkdir(parents=True)
    (landing / "crm/accounts/a.csv").write_text("account_id,name,created_at,updated_at\n"
                                                "A1,Acme,2026-01-05,2026-01-05\n")
    warehouse = tmp_path / "w.duckdb"
    result = CliRunner().invoke(main, ["load", "--landing", str(landing), "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"read 1 landing file from {landing}"
    assert result.output.splitlines()[1].startswith("rows: 1 read, 1 loaded, 0 quarantined in ")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT account_id FROM raw.crm__accounts").fetchall() == [("A1",)]
