"""What a recette run returns: the verdict, per-suite counts, the KPI checks, the report paths."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

FAMILIES = ("structure", "sanity", "coherence", "golden")


def family(suite: str) -> str:
    return suite.split(".", 1)[0]


def _fmt(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, float):
        return f"{value:.10g}"
    return str(value)


@dataclass
class RecetteResult:
    """success: no critical expectation failed (warnings do not fail the recette).
    suites: suite name -> (passed, failed), failed counting critical failures only;
    warnings: suite name -> failed warning-level expectations.
    results: the KPI checks (see checks.py), failures first.
    failures: failing expectations (dicts), critical first."""

    success: bool
    report_path: Path
    results: list[dict]
    suites: dict[str, tuple[int, int]]
    seconds: float
    warnings: dict[str, int] = field(default_factory=dict)
    failures: list[dict] = field(default_factory=list)
    out_dir: Path | None = None
    data_docs: Path | None = None
    warehouse: Path | None = None
    cahier: Path | None = None
    as_of: dt.date | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return "RECETTE PASSED" if self.success else "RECETTE FAILED"

    @property
    def failed_suites(self) -> list[str]:
        return [name for name, (_, failed) in self.suites.items() if failed]

    @property
    def failed_families(self) -> list[str]:
        """Families with a critical failure, e.g. to let sanity failures only warn on publish."""
        return [f for f in FAMILIES if any(family(s) == f for s in self.failed_suites)]

    @property
    def markdown_path(self) -> Path:
        return self.report_path.with_suffix(".md")

    def summary(self) -> str:
        expectations = sum(p + f for p, f in self.suites.values()) + sum(self.warnings.values())
        failed = sum(f for _, f in self.suites.values())
        warned = sum(self.warnings.values())
        lines = [f"{self.verdict}: {len(self.suites) - len(self.failed_suites)}/{len(self.suites)} suites "
                 f"passed, {expectations} expectations, {failed} failed, {warned} warnings, "
                 f"{len(self.results)} KPI checks, {self.seconds:.1f} s"]
        if self.failed_suites:
            lines.append("failed suites: " + ", ".join(self.failed_suites))
        lines.append(f"report: {self.report_path}")
        if self.data_docs:
            lines.append(f"data docs: {self.data_docs / 'index.html'}")
        return "\n".join(lines)

    def failure_line(self, limit: int = 4) -> str:
        """One line naming the first failing suites and, for each, its first failing KPIs."""
        if self.success:
            return ""
        parts = []
        for suite in self.failed_suites[:limit]:
            rows = [r for r in self.results if r["suite"] == suite and not r["passed"]
                    and r["severity"] == "critical"]
            if rows:
                items = [_describe(r) for r in rows[:2]]
                more = f" (+{len(rows) - 2} more)" if len(rows) > 2 else ""
                parts.append(f"{suite}: " + ", ".join(items) + more)
            else:
                failing = [f for f in self.failures if f["suite"] == suite and f["severity"] == "critical"]
                what = failing[0]["description"] or f"{failing[0]['expectation']} {failing[0]['column'] or ''}".strip() \
                    if failing else "failed"
                parts.append(f"{suite}: {what}")
        more = len(self.failed_suites) - limit
        return "; ".join(parts) + (f"; +{more} more suites" if more > 0 else "")


def _describe(row: dict) -> str:
    where = " ".join(x for x in (row["period"] if row["period"] != "all" else "",
                                 f"{row['dimension']}={row['member']}" if row["dimension"] != "all" else "")
                     if x)
    head = f"{row['kpi_code']} {row['check']}" if row["suite"].startswith("sanity") else row["kpi_code"]
    if row["suite"] == "coherence":
        head = f"{row['kpi_code']} {row['check']}"
    return f"{head} {where}".strip() + f" expected {_fmt(row['expected'])} observed {_fmt(row['observed'])}"
