"""Module marts: their dbt documentation (columns, keys) and the profile the suite
`structure.module_marts` validates (one row per mart found in the warehouse)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from ..settings import PROJECT_DIR

DOCS_DIR = PROJECT_DIR / "models" / "marts"
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PROFILE_COLUMNS = ["module", "mart", "rows", "module_has_marts", "documented", "missing_columns",
                   "null_key_values", "duplicate_keys", "undocumented_columns", "details"]


@dataclass(frozen=True)
class MartDoc:
    columns: tuple[str, ...]
    keys: tuple[tuple[str, ...], ...]  # unique_key tests and `unique` columns
    not_null: tuple[str, ...]

    @property
    def key_columns(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([c for key in self.keys for c in key] + list(self.not_null)))


def _tests(node: dict) -> list:
    return list(node.get("data_tests") or []) + list(node.get("tests") or [])


def _test_name_and_args(test) -> tuple[str, dict]:
    if isinstance(test, str):
        return test, {}
    name, args = next(iter(test.items()))
    args = args or {}
    return name, {**args, **(args.get("arguments") or {})}


def _mart_doc(model: dict) -> MartDoc:
    columns, keys, not_null = [], [], []
    for name, args in map(_test_name_and_args, _tests(model)):
        if name.split(".")[-1] in ("unique_key", "unique_combination_of_columns"):
            keys.append(tuple(args.get("columns") or args.get("combination_of_columns") or []))
    for column in model.get("columns") or []:
        columns.append(column["name"])
        for name, _ in map(_test_name_and_args, _tests(column)):
            if name == "unique":
                keys.append((column["name"],))
            elif name == "not_null":
                not_null.append(column["name"])
    return MartDoc(tuple(columns), tuple(keys), tuple(not_null))


def load_mart_docs(docs_dir: Path = DOCS_DIR) -> dict[str, MartDoc]:
    """model name -> MartDoc, for every model documented under models/marts."""
    docs: dict[str, MartDoc] = {}
    for path in sorted(docs_dir.rglob("*.yml")):
        try:
            content = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}
        except yaml.YAMLError:
            continue
        for model in content.get("models") or []:
            if isinstance(model, dict) and "name" in model:
                docs[model["name"]] = _mart_doc(model)
    return docs


def profile_mart(module: str, mart: str, frame: pd.DataFrame, doc: MartDoc | None,
                 nullable: set[str]) -> dict:
    if doc is None:
        return {"module": module, "mart": mart, "rows": len(frame), "module_has_marts": True,
                "documented": False, "details": "not documented in dbt"}
    present = set(frame.columns)
    missing = [c for c in doc.columns if c not in present]
    undocumented = [c for c in frame.columns if c not in doc.columns]
    nulls = {c: int(frame[c].isna().sum()) for c in doc.key_columns
             if c in present and c not in nullable}
    nulls = {c: n for c, n in nulls.items() if n}
    duplicates = {key: int(frame.duplicated(list(key)).sum()) for key in doc.keys
                  if key and set(key) <= present}
    duplicates = {key: n for key, n in duplicates.items() if n}
    details = [f"missing: {', '.join(missing)}" if missing else "",
               "NULL keys: " + ", ".join(f"{c} ({n})" for c, n in nulls.items()) if nulls else "",
               "duplicate keys: " + ", ".join(f"({', '.join(k)}) ({n})" for k, n in duplicates.items())
               if duplicates else "",
               f"undocumented: {', '.join(undocumented)}" if undocumented else ""]
    return {"module": module, "mart": mart, "rows": len(frame), "module_has_marts": True,
            "documented": True, "missing_columns": len(missing), "null_key_values": sum(nulls.values()),
            "duplicate_keys": sum(duplicates.values()), "undocumented_columns": len(undocumented),
            "details": "; ".join(d for d in details if d) or "ok"}


def profile(marts: dict[str, list[str]], frames: dict[str, pd.DataFrame],
            docs: dict[str, MartDoc], nullable: dict[str, set[str]]) -> pd.DataFrame:
    """One row per mart found; a module without marts is one row with module_has_marts False."""
    rows = []
    for module, names in marts.items():
        if not names:
            rows.append({"module": module, "mart": "", "module_has_marts": False,
                         "details": "no marts.<module>__<what> table"})
        for mart in names:
            rows.append(profile_mart(module, mart, frames[f"marts.{mart}"], docs.get(mart),
                                     nullable.get(mart, set())))
    frame = pd.DataFrame.from_records(rows, columns=PROFILE_COLUMNS)
    return frame.astype({"documented": "object", "module_has_marts": "bool"})
