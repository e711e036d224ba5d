"""Resolved settings: CLI flag, else environment variable, else default. One place decides."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from zoneinfo import ZoneInfo

PROJECT_DIR = Path(__file__).resolve().parent.parent

DEFAULT_TIMEZONE = "Europe/Paris"


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def today_in(timezone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(timezone)).date()


@dataclass(frozen=True)
class Settings:
    landing: Path
    warehouse: Path
    as_of: dt.date
    timezone: str
    target: str  # dbt target: duckdb (default), postgres, spark
    state_dir: Path
    project_dir: Path = PROJECT_DIR
    dbt_vars: dict = field(default_factory=dict)

    @property
    def build_path(self) -> Path:
        """The DuckDB file a run builds into before it is published (fixed name: dbt's
        partial parsing needs identical env vars between parse and run)."""
        return self.warehouse.parent / f".{self.warehouse.stem}.build.duckdb"

    def vars(self) -> dict:
        """dbt vars of this run."""
        return {"as_of": self.as_of.isoformat(), "reporting_timezone": self.timezone, **self.dbt_vars}

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


def resolve(landing: str | None = None, warehouse: str | None = None, as_of: str | None = None,
            target: str | None = None, timezone: str | None = None) -> Settings:
    """Build Settings from explicit values (CLI), then PILOTAGE_* variables, then defaults."""
    from .errors import PilotageError

    tz = timezone or _env("PILOTAGE_REPORTING_TIMEZONE", DEFAULT_TIMEZONE)
    try:
        ZoneInfo(tz)
    except Exception:
        raise PilotageError(f"unknown time zone {tz!r} (PILOTAGE_REPORTING_TIMEZONE)") from None
    as_of_text = as_of or os.environ.get("PILOTAGE_AS_OF", "").strip()
    if as_of_text:
        try:
            as_of_date = dt.date.fromisoformat(as_of_text)
        except ValueError:
            raise PilotageError(f"--as-of must be a date YYYY-MM-DD, got {as_of_text!r}") from None
    else:
        as_of_date = today_in(tz)
    return Settings(
        landing=Path(landing or _env("PILOTAGE_LANDING", "data/landing")).resolve(),
        warehouse=Path(warehouse or _env("PILOTAGE_WAREHOUSE", "warehouse/pilotage.duckdb")).resolve(),
        as_of=as_of_date,
        timezone=tz,
        target=target or _env("PILOTAGE_TARGET", "duckdb"),
        state_dir=Path(_env("PILOTAGE_STATE_DIR", str(PROJECT_DIR / ".pilotage"))).resolve(),
    )
