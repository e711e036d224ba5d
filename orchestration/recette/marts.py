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


def _quoted(columns) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def measure_mart(query, table: str, columns: list[str], doc: MartDoc | None, nullable: set[str]) -> dict:
    """Row count, NULLs per key column and duplicate rows per key of one mart, computed by the
    database (`query(sql) -> first row`): a level-3 mart has millions of rows at scale 10, and
    reading it into pandas only to count them cost the recette most of its time and memory.
    Duplicates count as pandas' `duplicated` does: rows beyond the first of each key value,
    NULLs comparing equal (GROUP BY)."""
    counts = {"rows": int(query(f"select count(*) from {table}")[0]), "nulls": {}, "duplicates": {}}
    if doc is None:
        return counts
    present = set(columns)
    keyed = [c for c in doc.key_columns if c in present and c not in nullable]
    if keyed:
        values = query("select " + ", ".join(f'count(*) - count("{c}")' for c in keyed) + f" from {table}")
        counts["nulls"] = {c: int(n) for c, n in zip(keyed, values) if n}
    for key in doc.keys:
        if key and set(key) <= present:
            extra = query(f"select coalesce(sum(n - 1), 0) from (select count(*) as n from {table} "
                          f"group by {_quoted(key)}) as groups where n > 1")[0]
            if extra:
                counts["duplicates"][key] = int(extra)
    return counts


def profile_mart(module: str, mart: str, columns: list[str], counts: dict, doc: MartDoc | None) -> dict:
    if doc is None:
        return {"module": module, "mart": mart, "rows": counts["rows"], "module_has_marts": True,
                "documented": False, "details": "not documented in dbt"}
    present = set(columns)
    missing = [c for c in doc.columns if c not in present]
    undocumented = [c for c in columns if c not in doc.columns]
    nulls, duplicates = counts["nulls"], counts["duplicates"]
    details = [f"missing: {', '.join(missing)}" if missing else "",
               "NULL keys: " + ", ".join(f"{c} ({n})" for c, n in nulls.items()) if nulls else "",
               "duplicate keys: " + ", ".join(f"({', '.join(k)}) ({n})" for k, n in duplicates.items())
               if duplicates else "",
               f"undocumented: {', '.join(undocumented)}" if undocumented else ""]
    return {"module": module, "mart": mart, "rows": counts["rows"], "module_has_marts": True,
            "documented": True, "missing_columns": len(missing), "null_key_values": sum(nulls.values()),
            "duplicate_keys": sum(duplicates.values()), "undocumented_columns": len(undocumented),
            "details": "; ".join(d for d in details if d) or "ok"}


def profile(marts: dict[str, list[str]], columns: dict[str, list[str]], counts: dict[str, dict],
            docs: dict[str, MartDoc]) -> pd.DataFrame:
    """One row per mart found; a module without marts is one row with module_has_marts False.
    `columns` / `counts`: marts.<mart> -> its columns / measure_mart() figures."""
    rows = []
    for module, names in marts.items():
        if not names:
            rows.append({"module": module, "mart": "", "module_has_marts": False,
                         "details": "no marts.<module>__<what> table"})
        for mart in names:
            table = f"marts.{mart}"
            rows.append(profile_mart(module, mart, columns[table], counts[table], docs.get(mart)))
    frame = pd.DataFrame.from_records(rows, columns=PROFILE_COLUMNS)
    return frame.astype({"documented": "object", "module_has_marts": "bool"})
