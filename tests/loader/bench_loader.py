"""Throughput benchmark of the loader (not a test): `python tests/loader/bench_loader.py [rows]`.

Writes a synthetic crm/activities file (12 columns, 3 timestamps with mixed formats, quotes)
and a `;` erp/order_lines file (decimal commas), loads them into a fresh DuckDB file, prints
rows/s and peak RSS. CPU time is printed too: wall time depends on what else the box runs.
"""
from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from orchestration.loader import load_landing


def write_activities(path: Path, rows: int, rnd: random.Random) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write("activity_id,activity_type,owner_rep_id,account_id,contact_id,opportunity_id,"
                "due_at,completed_at,status,has_report,updated_at,is_deleted\n")
        for i in range(rows):
            d = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            f.write(f"ACT-{i:08d},{rnd.choice(('call', 'visit', 'meeting', 'email'))},"
                    f"REP-{rnd.randint(1, 400):04d},ACC-{rnd.randint(1, 10**5):06d},"
                    f"\"CON-{rnd.randint(1, 10**6):07d}\",,{d}T09:00:00Z,{d} 11:30:00,done,"
                    f"{rnd.choice(('true', 'false', ''))},{d}T11:35:12+02:00,false\n")


def write_order_lines(path: Path, rows: int, rnd: random.Random) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write("order_id;line_no;product_id;quantity;unit_price;discount_pct;unit_cost;updated_at\n")
        for i in range(rows):
            f.write(f"ORD-{i // 3:08d};{i % 3 + 1};PRD-{rnd.randint(1, 900):04d};{rnd.randint(1, 40)};"
                    f"{rnd.randint(5, 5000)},{rnd.randint(0, 99):02d};{rnd.choice(('', '5', '12,5'))};"
                    f"{rnd.randint(2, 3000)}.50;2025-06-{rnd.randint(1, 28):02d} 10:00:00\n")


def main(rows: int) -> None:
    rnd = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        landing = Path(tmp) / "landing"
        write_activities(landing / "crm/activities/full.csv", rows, rnd)
        write_order_lines(landing / "erp/order_lines/full.csv", rows, rnd)
        size = sum(p.stat().st_size for p in landing.rglob("*.csv")) / 2**20
        con = duckdb.connect(str(Path(tmp) / "w.duckdb"))
        started, cpu = time.perf_counter(), time.process_time()
        report = load_landing(landing, con)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        con.close()
    for f in report.files:
        print(f"{f.file}: {f.rows_read:,} rows in {f.seconds:.1f} s = {f.rows_read / f.seconds:,.0f} rows/s")
    print(f"total {report.rows_read:,} rows ({size:.0f} MiB) in {elapsed:.1f} s = "
          f"{report.rows_read / elapsed:,.0f} rows/s (CPU {cpu:.1f} s); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
