"""The recette (acceptance suite): Great Expectations suites over the published warehouse.

`run_recette(warehouse_path, out_dir=None, cahier=None) -> RecetteResult`. See docs/recette.md.
Great Expectations is imported on the first run only: importing this package stays cheap.
"""
import threading

from .result import RecetteResult


def run_recette(warehouse_path, out_dir=None, cahier=None) -> RecetteResult:
    from .runner import run_recette as run

    return run(warehouse_path, out_dir=out_dir, cahier=cahier)


def import_in_background() -> threading.Thread:
    """Start importing Great Expectations and the recette's modules on a daemon thread (about
    2 s of start-up): the nightly calls it when its dbt build starts, while its own thread
    mostly waits on dbt, so that the recette step after the build does not pay for it.
    run_recette's own imports then find the modules loaded, or wait for the import to end."""
    thread = threading.Thread(target=_import_recette_modules, name="recette-import", daemon=True)
    thread.start()
    return thread


def _import_recette_modules() -> None:
    from . import gx_import  # noqa: F401
    from . import batches, checks, coherence, golden, gx_run, report, spec, warehouse  # noqa: F401


__all__ = ["RecetteResult", "import_in_background", "run_recette"]
