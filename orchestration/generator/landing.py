"""Writing frames into the landing layout: `<landing>/<source>/<entity>/<file>.csv`.

Base files of an entity (tag = the --end date):
  <tag>-full.csv     the full extract (older versions for some records, malformed copies appended)
  <tag>-updates.csv  current versions of the records whose full-extract row is older, and tombstones
  <tag>-resend.csv   append-only entities only: a re-send of some rows (exact duplicates)
Delta files: `<deltas>/<day>/<source>/<entity>/delta-<day>.csv` (see deltas.py).
File names sort in time order by code point ('2...' < 'd...'), matching the updated_at order.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .csvwrite import style_for, to_table, write_table
from .frame import Frame
from .malformed import malformed_lines
from .options import count
from .versions import split_versions
from .world import World


def write_base(world: World, frame: Frame) -> dict:
    """Write one entity's base files; returns {'rows', 'files', 'malformed', 'versions', 'tombstones', 'duplicates'}."""
    mess, opts = world.opts.mess, world.opts
    path = frame.entity.path
    style = style_for(path, mess)
    rng = world.rng(f"write:{path}")
    tag = opts.end.isoformat()
    folder = opts.out / path
    text = [c.name for c in frame.entity.columns if c.type == "str"]
    result = {"rows": 0, "files": [], "malformed": 0, "versions": 0, "tombstones": 0, "duplicates": 0}

    def put(f: Frame, name: str, extra: bytes = b"", extra_rows: int = 0):
        write_table(to_table(f, style, rng, mess.offset_timestamps), folder / name, style, extra, text)
        result["rows"] += len(f) + extra_rows
        result["files"].append(f"{path}/{name}")

    if frame.entity.append_only:
        put(frame, f"{tag}-full.csv")
        k = count(mess.duplicate_events, len(frame), at_least=1 if len(frame) else 0)
        if k:
            rows = np.sort(rng.choice(len(frame), size=k, replace=False))
            put(frame.take(rows), f"{tag}-resend.csv")
            result["duplicates"] = k
        return result
    full, updates = split_versions(frame, rng, mess.versions)
    extra, k = malformed_lines(full, style, rng, mess.malformed_rows)
    put(full, f"{tag}-full.csv", extra, k)
    result["malformed"] = k
    if updates is not None:
        put(updates, f"{tag}-updates.csv")
        tomb = int((updates["is_deleted"] == 1).sum()) if frame.entity.has_tombstones else 0
        result["tombstones"] = tomb
        result["versions"] = len(updates) - tomb
    return result


def write_delta(world: World, frame: Frame, deltas_dir: Path, day_iso: str) -> tuple[int, str]:
    path = frame.entity.path
    style = style_for(path, world.opts.mess)
    rng = world.rng(f"write-delta:{day_iso}:{path}")
    rel = f"{day_iso}/{path}/delta-{day_iso}.csv"
    write_table(to_table(frame, style, rng, world.opts.mess.offset_timestamps), deltas_dir / rel, style)
    return len(frame), rel
