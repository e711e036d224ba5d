"""The `pilotage` command. Thin: parse flags, resolve settings, call one function, map errors
to a one-line message and a non-zero exit."""
from __future__ import annotations

import functools
import logging
import os
import sys

import click

from .errors import PilotageError


def _user_errors(fn):
    """Turn PilotageError into `pilotage: <reason>` on stderr and exit 1 (no traceback)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PilotageError as exc:
            click.echo(f"pilotage: {exc}", err=True)
            sys.exit(1)
    return wrapper


def exit_now(code) -> None:
    """End the process with `code` (sys.exit's: None is 0, a message is printed and exits 1)
    once stdout, stderr and logging are flushed, without Python's teardown: a process that
    imported Dagster, dbt and Great Expectations spends 1 to 1.5 s freeing their modules at
    exit, after every file, DuckDB connection and the Dagster instance are closed."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(code or 0)


def run() -> None:
    """The `pilotage` console script: the click group, then exit_now (an unexpected exception
    keeps Python's traceback and teardown). Tests call `main` (click's CliRunner)."""
    try:
        main()
    except SystemExit as exc:
        exit_now(exc.code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main():
    """Pilotage: CRM exports in, documented KPI marts and their recette out."""


@main.command()
@click.option("--landing", help="Landing directory (default data/landing).")
@click.option("--as-of", "as_of", help="Reporting date YYYY-MM-DD (default: today, reporting time zone).")
@click.option("--warehouse", help="Published DuckDB file (default warehouse/pilotage.duckdb); with --target "
              "postgres the loader's work file goes next to it.")
@click.option("--target", type=click.Choice(["duckdb", "postgres", "spark"]), help="Warehouse engine (default duckdb, "
              "or PILOTAGE_TARGET); postgres publishes to PILOTAGE_PG_* (docs/postgres.md).")
@click.option("--full-refresh", is_flag=True, help="Rebuild everything from the whole landing history.")
@_user_errors
def refresh(landing, as_of, warehouse, target, full_refresh):
    """Load landing, build, check, run the recette and publish (the nightly job)."""
    from .refresh import run_refresh
    from .settings import resolve

    result = run_refresh(resolve(landing, warehouse, as_of, target), full_refresh=full_refresh)
    click.echo(result.summary())


@main.command()
@click.option("--landing", help="Landing directory (default data/landing).")
@click.option("--warehouse", help="DuckDB file to load into, directly (no publish step).")
@_user_errors
def load(landing, warehouse):
    """Load the landing directory into raw and audit tables of a DuckDB file."""
    from .loader import load_into_file
    from .settings import resolve

    settings = resolve(landing, warehouse)
    report = load_into_file(settings.landing, settings.warehouse, settings.timezone)
    click.echo(report.summary())


@main.command()
@click.option("--out", required=True, help="Landing directory to write.")
@click.option("--scale", type=float, default=0.01, show_default=True, help="Scale factor (1 = 10k accounts).")
@click.option("--seed", type=int, default=42, show_default=True)
@click.option("--start", default=None, help="First business day YYYY-MM-DD.")
@click.option("--end", default=None, help="Last business day YYYY-MM-DD.")
@click.option("--delta-days", type=int, default=0, show_default=True, help="Also write this many daily delta folders after --end.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@_user_errors
def generate(out, scale, seed, start, end, delta_days, quiet):
    """Write a synthetic landing directory (a realistic French B2B company)."""
    from .generator import generate as run

    report = run(out, scale=scale, seed=seed, start=start, end=end, delta_days=delta_days, progress=not quiet)
    click.echo(report.summary())


@main.command()
@click.option("--warehouse", help="DuckDB file to check (default: the published warehouse).")
@click.option("--out", default=None, help="Report directory (default reports/recette).")
@_user_errors
def recette(warehouse, out):
    """Run the Great Expectations acceptance suites and write the reports."""
    from .recette import run_recette
    from .settings import resolve

    settings = resolve(warehouse=warehouse)
    result = run_recette(settings.warehouse, out_dir=out)
    click.echo(result.summary())
    if not result.success:
        click.echo(f"pilotage: recette failed: {result.failure_line()}", err=True)
        sys.exit(1)


@main.command()
@click.option("--warehouse", help="Published DuckDB file (default warehouse/pilotage.duckdb).")
@click.option("--steps", type=int, default=1, show_default=True, help="How many published versions to go back.")
@_user_errors
def rollback(warehouse, steps):
    """Restore an earlier published warehouse version."""
    from .publish import rollback as run
    from .settings import resolve

    click.echo(run(resolve(warehouse=warehouse).warehouse, steps=steps))


@main.command()
@click.option("--port", type=int, default=3000, show_default=True)
@_user_errors
def ui(port):
    """Start the Dagster UI on 127.0.0.1."""
    from .ui import start

    start(port=port)


@main.command()
@click.option("--check", is_flag=True, help="Fail if the generated files are not up to date.")
@_user_errors
def catalogue(check):
    """Generate the KPI catalogue seed and macro from spec/kpis.yml."""
    from .catalogue import write_generated

    click.echo(write_generated(check=check))


if __name__ == "__main__":
    main()
