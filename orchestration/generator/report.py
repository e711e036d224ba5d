"""What `generate` did: rows and files per entity, time taken, injected mess."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class GenerateReport:
    out: Path
    scale: float
    seed: int
    start: dt.date
    end: dt.date
    rows: dict = field(default_factory=dict)         # entity path -> data lines written (landing)
    files: list = field(default_factory=list)        # landing-relative paths written
    deltas_dir: Path | None = None
    delta_days: list = field(default_factory=list)   # ISO dates of the delta folders
    delta_rows: dict = field(default_factory=dict)   # entity path -> data lines over all delta days
    delta_files: list = field(default_factory=list)  # deltas-relative paths written
    mess: dict = field(default_factory=dict)         # kind of injected mess -> count
    seconds: float = 0.0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values()) + sum(self.delta_rows.values())

    @property
    def rows_per_second(self) -> float:
        return self.total_rows / self.seconds if self.seconds > 0 else 0.0

    def summary(self) -> str:
        lines = [f"Generated a synthetic landing directory in {self.out} "
                 f"(scale {self.scale:g}, seed {self.seed}, {self.start.isoformat()} to {self.end.isoformat()})"]
        width = max(len(p) for p in self.rows) if self.rows else 10
        for path in sorted(self.rows):
            extra = f"  (+{self.delta_rows[path]:,} in deltas)" if self.delta_rows.get(path) else ""
            lines.append(f"  {path:<{width}}  {self.rows[path]:>12,} rows{extra}")
        if self.delta_days:
            lines.append(f"Delta folders: {len(self.delta_days)} days ({self.delta_days[0]} to {self.delta_days[-1]}) "
                         f"in {self.deltas_dir}, {sum(self.delta_rows.values()):,} rows in {len(self.delta_files)} files")
        if self.mess:
            lines.append("Injected mess: " + ", ".join(f"{k} {v}" for k, v in sorted(self.mess.items())))
        lines.append(f"{self.total_rows:,} rows in {len(self.files) + len(self.delta_files)} files, "
                     f"{self.seconds:.1f} s ({self.rows_per_second:,.0f} rows/s)")
        return "\n".join(lines)
