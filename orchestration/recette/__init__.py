"""The recette (acceptance suite): Great Expectations suites over the published warehouse.

`run_recette(warehouse_path, out_dir=None, cahier=None) -> RecetteResult`. See docs/recette.md.
Great Expectations is imported on the first run only: importing this package stays cheap.
"""
from .result import RecetteResult


def run_recette(warehouse_path, out_dir=None, cahier=None) -> RecetteResult:
    from .runner import run_recette as run

    return run(warehouse_path, out_dir=out_dir, cahier=cahier)


__all__ = ["RecetteResult", "run_recette"]
