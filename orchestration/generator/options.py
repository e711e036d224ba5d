"""Arguments of `generate`, validated once, and the rates of injected export mess."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import PilotageError

DEFAULT_START = dt.date(2024, 1, 1)
DEFAULT_END = dt.date(2026, 10, 31)


@dataclass(frozen=True)
class MessRates:
    """How untidy the exports are. Each rate is a share of the rows of the entity concerned;
    kinds marked 'at least one' are present even at tiny scales unless their rate is 0
    (a rate of 0 switches the kind off)."""

    duplicate_contacts: float = 0.02     # contact re-entered: same e-mail, other case/spaces (at least one)
    duplicate_accounts: float = 0.01     # account re-entered under a punctuation/case variant of its name
    orphan_contacts: float = 0.005       # contacts whose account_id names no account (at least one)
    missing_fields: float = 0.03         # optional descriptive fields left empty
    invalid_contact_data: float = 0.02   # malformed e-mails and phone numbers
    unlinked_customers: float = 0.01     # ERP customers linked to no CRM account (at least one)
    broken_crm_links: float = 0.005      # accounts whose erp_customer_id names no ERP customer (at least one)
    country_mismatches: float = 0.01     # linked CRM/ERP pairs with different countries (at least one)
    malformed_rows: float = 0.0005       # unparsable rows appended to some files (at least one per kind)
    offset_timestamps: float = 0.02      # timestamps written with `Z` or `+hh:mm` instead of naive local
    versions: float = 0.03               # records whose older version is in the full extract
    tombstones: float = 0.005            # records deleted in the source (is_deleted = true, at least one)
    duplicate_events: float = 0.01       # exact duplicate rows of append-only entities (re-sends)
    semicolon_entities: tuple[str, ...] = ("erp/invoices", "erp/order_lines", "erp/timesheets")

    def __post_init__(self):
        for name, value in self.__dict__.items():
            if name != "semicolon_entities" and not (0 <= value <= 0.5):
                raise PilotageError(f"mess rate {name} must be between 0 and 0.5, got {value}")


def count(rate: float, n: int, at_least: int = 0) -> int:
    """Rows to affect: rate * n rounded, at least `at_least` (never more than n); 0 when rate is 0."""
    if rate <= 0 or n <= 0:
        return 0
    return int(min(n, max(at_least, round(rate * n))))


@dataclass(frozen=True)
class Options:
    out: Path
    deltas_dir: Path
    scale: float
    seed: int
    start: dt.date
    end: dt.date
    delta_days: int
    progress: bool
    mess: MessRates


def _parse_date(value, flag: str, default: dt.date) -> dt.date:
    if value is None or value == "":
        return default
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise PilotageError(f"{flag} must be a date YYYY-MM-DD, got '{value}'") from None


def _check_dir(path: Path, flag: str) -> None:
    if path.exists() and not path.is_dir():
        raise PilotageError(f"{flag} {path} is a file, not a directory")
    if path.is_dir() and any(path.iterdir()):
        raise PilotageError(f"{flag} {path} is not empty: generate writes a fresh directory")


def deltas_dir_for(out: Path) -> Path:
    """`<out>/../<basename(out)>-deltas`."""
    out = Path(out)
    return out.parent / f"{out.name}-deltas"


def resolve_options(out, scale=0.01, seed=42, start=None, end=None, delta_days=0, progress=False,
                    mess: MessRates | None = None) -> Options:
    """Validate the arguments of `generate`; user mistakes raise PilotageError (one line)."""
    if out is None or str(out).strip() == "":
        raise PilotageError("--out is required")
    try:
        scale = float(scale)
    except (TypeError, ValueError):
        raise PilotageError(f"--scale must be a number, got '{scale}'") from None
    if not math.isfinite(scale) or scale <= 0:
        raise PilotageError(f"--scale must be greater than 0, got {scale:g}")
    if scale > 1000:
        raise PilotageError(f"--scale must be at most 1000, got {scale:g}")
    try:
        delta_days = int(delta_days or 0)
    except (TypeError, ValueError):
        raise PilotageError(f"--delta-days must be a whole number, got '{delta_days}'") from None
    if delta_days < 0:
        raise PilotageError(f"--delta-days must be 0 or more, got {delta_days}")
    if delta_days > 366:
        raise PilotageError(f"--delta-days must be at most 366, got {delta_days}")
    start_d = _parse_date(start, "--start", DEFAULT_START)
    end_d = _parse_date(end, "--end", DEFAULT_END)
    if start_d > end_d:
        raise PilotageError(f"--start {start_d.isoformat()} is after --end {end_d.isoformat()}")
    if start_d.year < 1990 or end_d.year > 2150:
        raise PilotageError("--start and --end must be between 1990 and 2150")
    out = Path(out)
    _check_dir(out, "--out")
    deltas = deltas_dir_for(out)
    if delta_days:
        _check_dir(deltas, "deltas directory")
    return Options(out=out, deltas_dir=deltas, scale=scale, seed=int(seed), start=start_d, end=end_d,
                   delta_days=delta_days, progress=bool(progress), mess=mess or MessRates())
