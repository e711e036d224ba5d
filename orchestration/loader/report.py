"""What a load did: one FileResult per landing file, totals, and a short human summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

LOADED, REJECTED, SKIPPED = "loaded", "rejected", "skipped"


@dataclass
class FileResult:
    file: str  # path relative to the landing root, `crm/accounts/x.csv`
    source: str
    entity: str
    status: str  # LOADED (parsed, maybe with quarantined rows), REJECTED (whole file), SKIPPED (unchanged)
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    reason: str | None = None  # why a rejected file was rejected
    seconds: float = 0.0


@dataclass
class LoadReport:
    landing_dir: Path
    timezone: str
    files: list[FileResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # files gone from landing, their rows deleted
    ignored: list[str] = field(default_factory=list)  # landing entries that are not contract files
    seconds: float = 0.0

    def _read(self) -> list[FileResult]:
        return [f for f in self.files if f.status != SKIPPED]

    @property
    def files_read(self) -> int:
        return len(self._read())

    @property
    def files_skipped(self) -> int:
        return sum(f.status == SKIPPED for f in self.files)

    @property
    def files_rejected(self) -> int:
        return sum(f.status == REJECTED for f in self.files)

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self._read())

    @property
    def rows_loaded(self) -> int:
        return sum(f.rows_loaded for f in self._read())

    @property
    def rows_quarantined(self) -> int:
        return sum(f.rows_quarantined for f in self._read())

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds > 0 else 0.0

    def file(self, path: str) -> FileResult:
        return next(f for f in self.files if f.file == path)

    def summary(self) -> str:
        if not self.files and not self.removed:
            return f"no landing files found in {self.landing_dir}"
        extras = [f"{n} {what}" for n, what in (
            (self.files_skipped, "unchanged skipped"), (self.files_rejected, "rejected whole"),
            (len(self.removed), "removed"), (len(self.ignored), "ignored")) if n]
        lines = [f"read {self.files_read} landing file{'' if self.files_read == 1 else 's'} "
                 f"from {self.landing_dir}"
                 + (f" ({', '.join(extras)})" if extras else "")]
        lines.append(f"rows: {self.rows_read:,} read, {self.rows_loaded:,} loaded, "
                     f"{self.rows_quarantined:,} quarantined in {self.seconds:.1f} s "
                     f"({self.rows_per_second:,.0f} rows/s, time zone {self.timezone})")
        return "\n".join(lines)
