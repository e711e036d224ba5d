"""What the recette knows before it reads the warehouse: the KPI catalogue (spec/kpis.yml),
the suites written under `expectations/`, and the per-KPI decisions of the module suites."""
from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import yaml

from ..catalogue import SPEC
from ..errors import PilotageError
from ..settings import PROJECT_DIR
from .rules import Kpi

EXPECTATIONS_DIR = PROJECT_DIR / "expectations"
CORE_TABLES = ("kpi_catalogue", "kpi_observations", "customer_360", "crm_alerts",
               "load_audit", "quarantine")


def resolve_cahier(cahier: Path | str | None) -> Path | None:
    """The cahier de recette to run: the argument, else $PILOTAGE_CAHIER, else none. Here, not
    in golden.py (which imports GX): the recette's fingerprint needs it on a night that keeps
    the published verdict, and must not pay GX's ~2 s import for it."""
    chosen = cahier or os.environ.get("PILOTAGE_CAHIER", "").strip() or None
    return Path(chosen).resolve() if chosen else None


def load_python_file(path: Path, module_name: str) -> ModuleType:
    """Import a Python file by path (suites under expectations/, a cahier de recette)."""
    if not path.is_file():
        raise PilotageError(f"no such file: {path}")
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:
        sys.modules.pop(module_name, None)
        raise PilotageError(f"cannot load {path}: {type(exc).__name__}: {exc}") from None
    return module


@cache
def suite_file(name: str) -> ModuleType:
    """The suite written in expectations/<name>.py."""
    return load_python_file(EXPECTATIONS_DIR / f"{name}.py", f"pilotage_expectations.{name}")


@dataclass(frozen=True)
class RecetteSpec:
    kpis: dict[str, dict]     # kpi_code -> kpis.yml entry
    modules: tuple[str, ...]  # in kpis.yml order
    rules: dict[str, Kpi]     # kpi_code -> decision of its module suite

    def module_kpis(self, module: str) -> list[str]:
        return [code for code, k in self.kpis.items() if k["module"] == module]

    def rule(self, code: str) -> Kpi:
        return self.rules.get(code, Kpi())

    def grains(self, code: str) -> tuple[str, ...]:
        kpi = self.kpis[code]
        return ("as_of",) if kpi["kind"] == "snapshot" else tuple(kpi.get("grains", ()))


@cache
def load_spec() -> RecetteSpec:
    doc = yaml.load(SPEC.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    kpis = {k["code"]: k for k in doc["kpis"]}
    modules = tuple(doc["modules"])
    rules: dict[str, Kpi] = {}
    for module in modules:
        rules.update(suite_file(module).KPIS)
    return RecetteSpec(kpis=kpis, modules=modules, rules=rules)
