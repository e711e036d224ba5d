"""The one-page summary of a recette run: summary.md and summary.html (self-contained).

Top: the verdict. Then per-suite counts, the failing expectations, the KPI checks (failures
first), and timings. The GX Data Docs (data_docs/index.html) hold every expectation's detail.
"""
from __future__ import annotations

import html
import os

from .result import FAMILIES, RecetteResult, _fmt, family

MAX_PASSING_ROWS = 2000  # passing KPI rows shown; failures are always all shown
TIMING_LABELS = {
    "gx_import": "GX start-up: import great_expectations",
    "gx_context": "GX start-up: ephemeral context and data source",
    "read": "read the warehouse (DuckDB, read-only; started while the checks ran, in a refresh)",
    "prepare": "prepare batches and comparisons (pandas)",
    "gx_setup": "GX: register suites, validation definitions, checkpoints",
    "gx_validation": "GX: run the checkpoints (validation)",
    "gx_data_docs": "GX: build the Data Docs site",
    "reports": "write summary.md and summary.html",
}


def _suite_rows(result: RecetteResult) -> list[tuple]:
    return [(name, family(name), passed, failed, result.warnings.get(name, 0),
             "FAILED" if failed else "passed")
            for name, (passed, failed) in sorted(
                result.suites.items(),
                key=lambda kv: (not kv[1][1], FAMILIES.index(family(kv[0])) if family(kv[0]) in FAMILIES else 9, kv[0]))]


def _kpi_rows(result: RecetteResult) -> tuple[list[dict], int]:
    failing = [r for r in result.results if not r["passed"]]
    passing = [r for r in result.results if r["passed"]]
    return failing + passing[:MAX_PASSING_ROWS], max(0, len(passing) - MAX_PASSING_ROWS)


def _status(row: dict) -> str:
    if row["passed"]:
        return "pass"
    return "FAIL" if row["severity"] == "critical" else "warn"


def _header(result: RecetteResult) -> list[tuple[str, str]]:
    return [("warehouse", str(result.warehouse)), ("as_of", str(result.as_of or "unknown")),
            ("cahier de recette", str(result.cahier) if result.cahier else "none"),
            ("duration", f"{result.seconds:.1f} s"),
            ("GX Data Docs", os.path.relpath(result.data_docs / "index.html", result.out_dir))]


# ------------------------------------------------------------------ markdown

def _md_cell(value) -> str:
    return _fmt(value).replace("|", "\\|").replace("\n", " ")


def _md_table(headers: list[str], rows: list) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def markdown(result: RecetteResult) -> str:
    lines = [f"# {result.verdict}", ""]
    if not result.success:
        lines += [f"**Failing:** {result.failure_line()}", ""]
    lines += [f"- {k}: {v}" for k, v in _header(result)] + ["", "## Suites", ""]
    lines += _md_table(["suite", "family", "passed", "failed", "warnings", "status"], _suite_rows(result))
    if result.failures:
        lines += ["", "## Failing expectations (critical, then warnings)", ""]
        lines += _md_table(["suite", "severity", "expectation", "column", "description", "observed"],
                           [(f["suite"], f["severity"], f["expectation"], f["column"] or "",
                             f["description"], f["observed"]) for f in result.failures])
    rows, hidden = _kpi_rows(result)
    lines += ["", "## KPI checks", ""]
    lines += _md_table(["result", "suite", "check", "kpi_code", "period", "dimension/member",
                        "expected", "observed"],
                       [(_status(r), r["suite"], r["check"], r["kpi_code"], r["period"],
                         f"{r['dimension']}/{r['member']}", r["expected"], r["observed"]) for r in rows])
    if hidden:
        lines += ["", f"... and {hidden} more passing checks (RecetteResult.results has them all)."]
    lines += ["", "## Timings", ""]
    lines += _md_table(["step", "seconds"], [(TIMING_LABELS.get(k, k), f"{v:.2f}")
                                             for k, v in result.timings.items()])
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ html

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
#verdict{padding:1rem 1.5rem;border-radius:6px;font-size:2rem;font-weight:700;color:#fff}
#verdict.passed{background:#1b7f3b}#verdict.failed{background:#b3261e}
.failing{font-size:1.05rem;margin:.8rem 0}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}tr.FAIL,tr.FAILED{background:#fde2e0}tr.warn{background:#fff4d6}
"""


def _html_table(headers: list[str], rows: list, classes: list[str] | None = None, table_id: str = "") -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{classes[i]}"' if classes else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{html.escape(_fmt(c))}</td>" for c in row) + "</tr>")
    ident = f' id="{table_id}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def page(result: RecetteResult) -> str:
    state = "passed" if result.success else "failed"
    parts = [f'<div id="verdict" class="{state}">{result.verdict}</div>']
    if not result.success:
        parts.append(f'<p class="failing" id="failure-line"><b>Failing:</b> {html.escape(result.failure_line())}</p>')
    parts.append("<ul>" + "".join(
        f"<li>{html.escape(k)}: " + (f'<a href="{html.escape(v)}">{html.escape(v)}</a>' if k == "GX Data Docs"
                                      else html.escape(v)) + "</li>"
        for k, v in _header(result)) + "</ul>")
    suites = _suite_rows(result)
    parts += ["<h2>Suites</h2>", _html_table(["suite", "family", "passed", "failed", "warnings", "status"],
                                             suites, [s[-1] for s in suites], "suites")]
    if result.failures:
        parts += ["<h2>Failing expectations (critical, then warnings)</h2>", _html_table(
            ["suite", "severity", "expectation", "column", "description", "observed"],
            [(f["suite"], f["severity"], f["expectation"], f["column"] or "", f["description"], f["observed"])
             for f in result.failures],
            ["FAIL" if f["severity"] == "critical" else "warn" for f in result.failures], "failures")]
    rows, hidden = _kpi_rows(result)
    parts += ["<h2>KPI checks</h2>", _html_table(
        ["result", "suite", "check", "kpi_code", "period", "dimension/member", "expected", "observed"],
        [(_status(r), r["suite"], r["check"], r["kpi_code"], r["period"], f"{r['dimension']}/{r['member']}",
          r["expected"], r["observed"]) for r in rows], [_status(r) for r in rows], "kpi-checks")]
    if hidden:
        parts.append(f"<p>... and {hidden} more passing checks.</p>")
    parts += ["<h2>Timings</h2>", _html_table(["step", "seconds"], [
        (TIMING_LABELS.get(k, k), f"{v:.2f}") for k, v in result.timings.items()], table_id="timings")]
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{result.verdict}"
            f"</title><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>\n")


def write_reports(result: RecetteResult) -> None:
    result.report_path.write_text(page(result), encoding="utf-8")
    result.markdown_path.write_text(markdown(result), encoding="utf-8")
