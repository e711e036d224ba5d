"""`pilotage ui` serves the code location: the GraphQL endpoint lists the asset graph and the
schedule. The process group is started with setsid and killed at the end."""
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PILOTAGE = Path(sys.executable).parent / "pilotage"

QUERY = """
{
  assetNodes { assetKey { path } }
  repositoriesOrError {
    ... on RepositoryConnection {
      nodes { name schedules { name cronSchedule executionTimezone pipelineName } jobs { name } }
    }
  }
}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", method="POST",
                                     data=json.dumps({"query": query}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_ui_serves_asset_graph_and_schedule(cli_env, orch_dir):
    port = _free_port()
    log = open(orch_dir / "ui.log", "w")
    proc = subprocess.Popen([str(PILOTAGE), "ui", "--port", str(port)], env=cli_env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.time() + 300
        data = None
        while time.time() < deadline:
            assert proc.poll() is None, (orch_dir / "ui.log").read_text()[-2000:]
            try:
                data = _graphql(port, QUERY)["data"]
                if data["assetNodes"] and data["repositoriesOrError"].get("nodes"):
                    break  # webserver up and code location loaded
            except (urllib.error.URLError, OSError, KeyError, TypeError, ValueError):
                pass
            time.sleep(1)
        assert data and data["assetNodes"], "the UI did not come up in time"
        keys = {"/".join(n["assetKey"]["path"]) for n in data["assetNodes"]}
        assert {"audit/load_audit", "marts/kpi_observations", "recette", "published_warehouse"} <= keys
        repo = data["repositoriesOrError"]["nodes"][0]
        assert {"nightly_refresh", "full_refresh"} <= {j["name"] for j in repo["jobs"]}
        (schedule,) = [s for s in repo["schedules"] if s["name"] == "nightly_refresh_schedule"]
        assert schedule["cronSchedule"] == "0 2 * * *"
        assert schedule["executionTimezone"] == "Europe/Paris"
        assert schedule["pipelineName"] == "nightly_refresh"
        # DAGSTER_HOME lives under the state dir
        assert (Path(cli_env["PILOTAGE_STATE_DIR"]) / "dagster_home" / "dagster.yaml").exists()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever of the group is still there
        except ProcessLookupError:
            pass
        proc.wait()
        log.close()
