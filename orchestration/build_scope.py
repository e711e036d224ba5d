"""What a nightly `dbt build` must rebuild (issue 6: a night with little new data costs little).

The build file starts as a copy of the published warehouse, whose models were built from known
inputs, recorded in `audit.build_inputs` by the run that built them:

- `code`: the dbt project's content, its vars other than as_of, and the env the profile reads;
- `as_of`: the reporting date;
- `files:<table>`: the files loaded into each raw table, as JSON {path: "sha256:load time"}
  (audit.load_audit: a file the loader read again, e.g. after a change of the raw tables' shape,
  counts as changed).

Comparing them with this run's inputs gives the scope: every model downstream of a raw table whose
files changed, and, when as_of moved, every model whose SQL reads as_of (a macro or model that
calls `var('as_of')` or `run_parameter('as_of')`, directly or through other macros) and everything downstream of those,
except the views among them whose own SQL did not change (they do not read as_of): a view is
its SQL, and it reads the rebuilt tables as they stand (`views_over_new_data`). The
other models keep the tables of the published warehouse. A changed `code`, no recorded inputs,
or a full refresh rebuilds everything.

Inside the scope, a staging model whose raw table only gained files (every recorded file is still
there, unchanged) updates just the keys the new files touch (`delta_files`; macros/staging/staging_delta.sql). A
model below staging that declares which of its rows each raw table's new records reach merges
those rows only (`merge_models`; macros/incremental/merge_touched.sql) when everything that
changed upstream of it is such a delta. Both reach dbt as run parameters with as_of
(dbt_runner.run_parameters: an env var, not `--vars`, so that dbt does not re-parse).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

STATE_TABLE = "audit.build_inputs"
AS_OF_MARKERS = ("var('as_of'", 'var("as_of"', "run_parameter('as_of'")
DELTA_VAR = "delta_files"
MERGE_VAR = "merge_models"
AS_OF_MOVE_VAR = "as_of_move"  # [as_of of the copied warehouse's build, this run's] when it moved
RUN_VARS = ("as_of", DELTA_VAR, MERGE_VAR, AS_OF_MOVE_VAR)  # change from run to run: not part of `code`


@dataclass(frozen=True)
class Scope:
    full: bool
    reason: str
    rebuild: frozenset[str] = field(default_factory=frozenset)  # unique_ids of models/seeds
    keep: tuple[str, ...] = ()  # unique_ids kept from the published warehouse, parents first
    # kept views whose upstream changed: same SQL, so the view reads the new data as it stands
    views_over_new_data: frozenset[str] = field(default_factory=frozenset)
    as_of_before: str | None = None  # as_of of the copied warehouse's build

    def as_of_move(self, as_of: str) -> list[str]:
        """[as_of before, as_of now] when as_of moved since the copied warehouse's build, else []."""
        return [self.as_of_before, as_of] if self.as_of_before and self.as_of_before != as_of else []

    @property
    def nothing_to_do(self) -> bool:
        return not self.full and not self.rebuild and not self.views_over_new_data


# ------------------------------------------------------------------ inputs of a build


def code_fingerprint(project_dir: Path, files: list[Path], vars_: dict, env: dict) -> str:
    """Content (not mtime) of the dbt project `files` (dbt_runner.project_files), the vars
    other than as_of and delta_files, and the env."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.relative_to(project_dir)}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    others = {k: v for k, v in vars_.items() if k not in RUN_VARS}
    digest.update(json.dumps([others, env], sort_keys=True).encode())
    return digest.hexdigest()


def raw_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """`files:<source>__<entity>` -> JSON {file: "sha256:load time"} of the table's files
    (audit.load_audit)."""
    rows = con.execute(
        "SELECT source || '__' || entity, file, coalesce(file_hash, '') || ':' "
        "|| coalesce(CAST(loaded_at AS VARCHAR), '') FROM audit.load_audit ORDER BY 1, 2").fetchall()
    files: dict[str, dict[str, str]] = {}
    for table, file, version in rows:
        files.setdefault(table, {})[file] = version
    return {f"files:{table}": json.dumps(listed, sort_keys=True) for table, listed in files.items()}


def current_inputs(con: duckdb.DuckDBPyConnection, code: str, as_of: str) -> dict[str, str]:
    return {"code": code, "as_of": as_of, **raw_inputs(con)}


def recorded_inputs(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    exists = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
                         "AND table_schema = 'audit' AND table_name = 'build_inputs'").fetchone()[0]
    if not exists:
        return {}
    return dict(con.execute(f"SELECT key, value FROM {STATE_TABLE}").fetchall())


def record_inputs(con: duckdb.DuckDBPyConnection, inputs: dict[str, str]) -> None:
    con.execute("CREATE SCHEMA IF NOT EXISTS audit")
    con.execute(f"CREATE OR REPLACE TABLE {STATE_TABLE} (key VARCHAR, value VARCHAR)")
    con.executemany(f"INSERT INTO {STATE_TABLE} VALUES (?, ?)", sorted(inputs.items()))


# ------------------------------------------------------------------ the scope


def _as_of_macros(manifest: dict) -> set[str]:
    macros = manifest.get("macros", {})
    found = {uid for uid, m in macros.items() if any(s in (m.get("macro_sql") or "") for s in AS_OF_MARKERS)}
    grew = True
    while grew:  # macros calling those macros, transitively
        callers = {uid for uid, m in macros.items()
                   if uid not in found and found & set((m.get("depends_on") or {}).get("macros") or [])}
        found |= callers
        grew = bool(callers)
    return found


def as_of_models(manifest: dict) -> set[str]:
    """Models whose SQL reads as_of (directly or through macros)."""
    macros = _as_of_macros(manifest)
    return {uid for uid, node in manifest["nodes"].items()
            if node["resource_type"] == "model"
            and (any(s in (node.get("raw_code") or "") for s in AS_OF_MARKERS)
                 or macros & set((node.get("depends_on") or {}).get("macros") or []))}


def _reachable(edges: dict[str, list[str]], starts: set[str]) -> set[str]:
    """Nodes reached from `starts` along `edges` (a manifest's child_map or parent_map)."""
    seen, todo = set(), list(starts)
    while todo:
        for node in edges.get(todo.pop(), []):
            if node not in seen:
                seen.add(node)
                todo.append(node)
    return seen


def _descendants(manifest: dict, starts: set[str]) -> set[str]:
    return _reachable(manifest.get("child_map", {}), starts)


def _buildable(manifest: dict) -> list[str]:
    """Models and seeds, parents first (stable order)."""
    nodes = {uid: n for uid, n in manifest["nodes"].items() if n["resource_type"] in ("model", "seed")}
    ordered, done = [], set()

    def visit(uid: str) -> None:
        if uid in done:
            return
        done.add(uid)
        for parent in (nodes[uid].get("depends_on") or {}).get("nodes") or []:
            if parent in nodes:
                visit(parent)
        ordered.append(uid)

    for uid in sorted(nodes):
        visit(uid)
    return ordered


def plan(manifest: dict, recorded: dict[str, str], current: dict[str, str]) -> Scope:
    """The models a build must run, given the inputs the copied warehouse was built from."""
    if not recorded:
        return Scope(True, "no record of what the published warehouse was built from")
    if recorded.get("code") != current["code"]:
        return Scope(True, "the dbt project, its vars or its environment changed")
    changed = sorted(k.removeprefix("files:") for k in set(recorded) | set(current)
                     if k.startswith("files:") and recorded.get(k) != current.get(k))
    starts = {f"source.{manifest['metadata'].get('project_name', 'pilotage')}.raw.{t}" for t in changed}
    starts = {uid for uid in starts if uid in manifest.get("sources", {})}
    if changed:  # the loader's audit tables change with the files
        starts |= {uid for uid, s in manifest.get("sources", {}).items() if s.get("source_name") == "audit"}
    rebuild = _descendants(manifest, starts)
    reasons = [f"new or changed files in {len(changed)} raw table(s)"] if changed else []
    moved: set[str] = set()  # models whose SQL changed with as_of
    if recorded.get("as_of") != current["as_of"]:
        moved = as_of_models(manifest)
        rebuild |= moved | _descendants(manifest, moved)
        reasons.append(f"as_of moved from {recorded.get('as_of')} to {current['as_of']}")
    # A view is its SQL: new data upstream reaches it without a rebuild. Only a view whose own
    # SQL changed (it reads as_of, which moved) is re-created; a changed project rebuilds all.
    views = {uid for uid in rebuild if _materialized(manifest, uid) == "view" and uid not in moved}
    buildable = _buildable(manifest)
    rebuild = frozenset(uid for uid in buildable if uid in rebuild and uid not in views)
    keep = tuple(uid for uid in buildable if uid not in rebuild)
    return Scope(False, "; ".join(reasons) or "inputs unchanged", rebuild, keep, frozenset(views),
                 recorded.get("as_of"))


def _materialized(manifest: dict, uid: str) -> str | None:
    return (manifest["nodes"].get(uid, {}).get("config") or {}).get("materialized")


def delta_files(recorded: dict[str, str], current: dict[str, str]) -> dict[str, list[str]]:
    """Raw table -> the files it gained, for each changed raw table whose recorded files are all
    still loaded unchanged (append-only). A table with a changed or vanished file, or without a
    recorded file list, is left out: its staging model is rebuilt whole."""
    if not recorded or recorded.get("code") != current.get("code"):
        return {}
    added = {}
    for key, listed in current.items():
        table = key.removeprefix("files:")
        if table == key or recorded.get(key) == listed:
            continue
        before, now = json.loads(recorded.get(key) or "null"), json.loads(listed)
        if before is None or any(now.get(file) != version for file, version in before.items()):
            continue
        added[table] = sorted(set(now) - set(before))
    return added


def merge_models(manifest: dict, scope: Scope, delta: dict[str, list[str]]) -> list[str]:
    """Names of the models that merge the rows the delta touches instead of being rebuilt whole.

    A model qualifies when it declares `meta.merge` (merge_config), is rebuilt in this scope,
    does not read as_of, every raw table with new files upstream of it is one it declares
    (touched or unaffected_by), the models or raw tables it derives touched values through
    (`through`) are upstream of it, and every model or seed rebuilt upstream of it either merges
    too or is the staging model of an append-only raw table (which merges its new keys). A
    module table of KPI periods (a declaration deriving `periods_of` a date) inlines ephemeral
    KPI models that read as_of: they are not in its way (their parents are among its
    ancestors), as it rebuilds the periods a move of as_of reaches (macros/incremental/merge_touched.sql). Any
    other change upstream (a dimension's file changed, as_of reached a parent, a seed) rebuilds
    it whole."""
    if scope.full or not delta:
        return []
    nodes, sources = manifest["nodes"], manifest.get("sources", {})
    reads_as_of = as_of_models(manifest)
    merging: set[str] = set()
    for uid in _buildable(manifest):  # parents first
        declared = _meta(nodes[uid]).get("merge")
        if not declared or uid not in scope.rebuild or uid in reads_as_of:
            continue
        periods = any("periods_of" in t for t in (declared.get("through") or {}).values())
        allowed = {t for tables in declared["touched"].values() for t in tables} | set(declared.get("unaffected_by") or [])
        ancestors = _reachable(manifest.get("parent_map", {}), {uid})
        # a `through` model (or raw table) is read by name in the merge: it must be upstream
        through = {_through_node(nodes[uid].get("package_name", "pilotage"), t)
                   for t in (declared.get("through") or {}).values()}
        # the ephemeral KPI models a module table of periods inlines: their own parents are
        # among its ancestors, checked with the others
        inlined = {a for a in ancestors if periods and _materialized(manifest, a) == "ephemeral"}
        if through <= ancestors and all(
                _merges_upstream(a, nodes, sources, scope, delta, merging, allowed) for a in ancestors - inlined):
            merging.add(uid)
    return sorted(nodes[uid]["name"] for uid in merging)


def _through_node(package: str, through: dict) -> str:
    """The unique_id a `through` derivation reads: a raw table (`source`) or a model."""
    if "source" in through:
        return f"source.{package}.raw.{through['source']}"
    return f"model.{package}.{through['model']}"


def _meta(node: dict) -> dict:
    return (node.get("config") or {}).get("meta") or {}


def _merges_upstream(uid, nodes, sources, scope, delta, merging, allowed) -> bool:
    if uid in sources:
        source = sources[uid]
        return source.get("source_name") != "raw" or source["name"] not in delta or source["name"] in allowed
    if uid in scope.views_over_new_data:
        return False  # its rows changed with no record of which: below it, rebuild whole
    if uid not in scope.rebuild:
        return True
    return uid in merging or _meta(nodes.get(uid, {})).get("staging_of") in delta
