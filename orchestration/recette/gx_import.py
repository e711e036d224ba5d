"""Great Expectations, imported once, without pyspark.

Every recette module imports `gxe` from here, so GX is always first loaded by `_import_gx`.
"""
import sys


def _import_gx() -> None:
    """Import Great Expectations without letting it import pyspark (installed by the `spark`
    extra). GX imports pyspark when it can: slow, and `pyspark.sql.connect` calls sys.exit(0)
    when `__main__` has no file (pytest-xdist workers, `python -c`), thinking doctests run. The
    recette validates pandas DataFrames only, so pyspark is hidden while GX loads."""
    if "great_expectations" in sys.modules:
        return
    hide = "pyspark" not in sys.modules
    interactive = hasattr(sys, "ps1")
    if hide:
        sys.modules["pyspark"] = None  # `import pyspark` raises ImportError
    if not interactive:
        sys.ps1 = ""  # pyspark's doctest guard: an interactive session never exits
    try:
        import great_expectations  # noqa: F401
        import great_expectations.expectations  # noqa: F401
    finally:
        if hide:
            del sys.modules["pyspark"]
        if not interactive:
            del sys.ps1


_import_gx()

import great_expectations.expectations as gxe  # noqa: E402

__all__ = ["gxe"]
