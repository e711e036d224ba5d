"""The nightly imports the recette's modules while dbt builds (recette.import_in_background)."""
import subprocess
import sys

from orchestration.settings import PROJECT_DIR

PROBE = """
import sys
from orchestration.recette import import_in_background
assert "great_expectations" not in sys.modules, "importing the package must stay cheap"
import_in_background().join()
loaded = [m for m in ("great_expectations", "orchestration.recette.gx_run", "orchestration.recette.batches",
                      "orchestration.recette.report") if m in sys.modules]
print(",".join(loaded), "pyspark" in sys.modules)
"""


def test_the_background_import_loads_gx_and_the_recette_modules_without_pyspark():
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=PROJECT_DIR, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["great_expectations,orchestration.recette.gx_run,"
                                   "orchestration.recette.batches,orchestration.recette.report", "False"]


FINGERPRINT_PROBE = """
import sys
from orchestration.recette.fingerprint import recette_fingerprint
print(len(recette_fingerprint()), "great_expectations" in sys.modules, "pandas" in sys.modules)
"""


def test_the_recette_fingerprint_does_not_import_gx():
    # a night whose build is the published file unchanged keeps the published verdict after
    # comparing fingerprints: it must not wait ~2 s for GX's import to decide so
    done = subprocess.run([sys.executable, "-c", FINGERPRINT_PROBE], cwd=PROJECT_DIR, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["64", "False", "False"]
