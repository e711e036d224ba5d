"""Alerting: the alert log under the state dir and the webhook POST (a tiny HTTP server on
127.0.0.1 started by the test)."""
import http.server
import json
import socket
import threading

import pytest

from orchestration import alerting
from orchestration.assets.run_events import CheckRow, RunEvents


class _Hook(http.server.BaseHTTPRequestHandler):
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Hook.received.append((self.headers["Content-Type"], json.loads(body)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook(monkeypatch):
    _Hook.received = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("PILOTAGE_WEBHOOK_URL", f"http://127.0.0.1:{server.server_port}/hook")
    yield _Hook.received
    server.shutdown()
    server.server_close()


def _events(success=True, checks=(), failures=()):
    return RunEvents(run_id="0123456789abcdef", job="nightly_refresh", success=success,
                     checks=list(checks), failures=list(failures))


WARN_CHECK = CheckRow("staging/stg_crm__contacts", "duplicate_contacts", False, "WARN", "12 duplicates")
ERROR_CHECK = CheckRow("marts/customer_360", "customer_status_consistency", False, "ERROR", "3 rows break")


def test_failed_run_is_logged_and_posted(tmp_path, webhook):
    body = alerting.report_run(tmp_path, _events(False, [WARN_CHECK, ERROR_CHECK]), warehouse="/w.duckdb",
                               published=False)
    assert body["status"] == "failed" and body["reason"].startswith("ERROR check customer_status_consistency")
    assert len(webhook) == 1
    content_type, posted = webhook[0]
    assert content_type == "application/json" and posted == body
    assert {c["check"] for c in posted["failed_checks"]} == {"duplicate_contacts", "customer_status_consistency"}
    log = alerting.log_path(tmp_path).read_text()
    assert "nightly_refresh run 01234567 failed: ERROR check customer_status_consistency" in log
    assert "2 failed check(s)" in log


def test_clean_run_logs_but_does_not_post(tmp_path, webhook):
    alerting.report_run(tmp_path, _events(True, [CheckRow("a", "b", True, "WARN", "ok")]), published=True)
    assert webhook == []
    assert "published | 0 failed check(s)" in alerting.log_path(tmp_path).read_text()


def test_warn_checks_of_a_published_run_are_posted(tmp_path, webhook):
    alerting.report_run(tmp_path, _events(True, [WARN_CHECK]), published=True)
    assert len(webhook) == 1 and webhook[0][1]["status"] == "published"


def test_unreachable_webhook_is_logged_not_raised(tmp_path, monkeypatch):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("PILOTAGE_WEBHOOK_URL", f"http://127.0.0.1:{port}/hook")
    alerting.report_run(tmp_path, _events(False, failures=[("landing", "boom")]), published=False)
    log = alerting.log_path(tmp_path).read_text()
    assert "step landing failed: boom" in log and f"webhook http://127.0.0.1:{port}/hook failed" in log


def test_reason_prefers_error_checks_then_step_failures():
    assert _events(False, failures=[("dbt_models", "dbt build failed: x")]).reason() == "step dbt_models failed: dbt build failed: x"
    assert "ERROR check" in _events(False, [WARN_CHECK, ERROR_CHECK], [("s", "m")]).reason()
    assert _events(False).reason() == "the run did not complete"
