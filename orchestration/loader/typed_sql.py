"""The SQL that types and checks one chunk of records, vectorized in DuckDB.

Input: relation `_loader_chunk(rec VARCHAR[], _line BIGINT)`, one row per CSV record.
Output (a SELECT): the raw-table columns (contract order, then `<ts>_utc` twins), `_line`, and
`_reason` (NULL = the row loads; else its first problem: a wrong field count, then each column
in contract order, a missing required value before an unparsable one).

Parsing rules (docs/loader.md): empty field = NULL; typed values are trimmed before parsing, so a
spaces-only typed value is invalid (not NULL); int `[+-]digits`; num `[+-]digits[(.|,)digits]`
with an optional exponent, a decimal comma read as a point; bool true/false 1/0 yes/no oui/non;
date strictly YYYY-MM-DD; ts `YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]][Z|z|±HH[[:]MM]]]`, a
date-only value being local midnight.
"""
from __future__ import annotations

from ..contract import Entity

INT_RE = "[+-]?[0-9]+"
NUM_RE = "[+-]?[0-9]+([.,][0-9]+)?([eE][+-]?[0-9]+)?"
DATE_RE = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
TS_RE = ("[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?"
         "([Zz]|[+-](0[0-9]|1[0-8])(:?[0-5][0-9])?)?)?")
TRUE, FALSE = ("true", "1", "yes", "oui"), ("false", "0", "no", "non")
TYPE_WORDS = {"int": "integer", "num": "number", "bool": "boolean", "date": "date", "ts": "timestamp"}


def lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _scalar(typ: str, v: str) -> str:
    """Typed value of non-ts column `v` (a VARCHAR, NULL when the field was empty)."""
    t = f"trim({v})"
    if typ == "str":
        return v  # strings are kept as read
    if typ == "int":
        return f"CASE WHEN regexp_full_match({t}, {lit(INT_RE)}) THEN TRY_CAST({t} AS BIGINT) END"
    if typ == "num":
        return (f"CASE WHEN regexp_full_match({t}, {lit(NUM_RE)}) "
                f"THEN TRY_CAST(replace({t}, ',', '.') AS DOUBLE) END")
    if typ == "bool":
        return (f"CASE WHEN lower({t}) IN ({', '.join(map(lit, TRUE))}) THEN true "
                f"WHEN lower({t}) IN ({', '.join(map(lit, FALSE))}) THEN false END")
    if typ == "date":
        return f"CASE WHEN regexp_full_match({t}, {lit(DATE_RE)}) THEN TRY_CAST({t} AS DATE) END"
    raise ValueError(f"no scalar parser for type {typ}")


def _ts_steps(name: str, tz: str) -> tuple[str, str, str, str]:
    """Expressions of the four ts steps: shape check, offset flag, parse, local + UTC.

    The regex fixes the accepted shape (and offset range); DuckDB's casts do the calendar
    work: TIMESTAMPTZ applies an offset, TIMESTAMP reads a naive value. An offset value's
    local time comes from ICU (`timezone`); a naive value is local already and its instant is
    ICU's reading of that wall time in the zone (DST rules: docs/loader.md).
    """
    v, t, z, i, w = (f'"{p}__{name}"' for p in "vtziw")
    shape = f"CASE WHEN regexp_full_match(trim({v}), {lit(TS_RE)}) THEN trim({v}) END AS {t}"
    # '-' and '+' after the date part, or a final Z, can only be an offset.
    flag = (f"(strpos(substr({t}, 11), '+') + strpos(substr({t}, 11), '-') > 0 "
            f"OR suffix(upper({t}), 'Z')) AS {z}")
    # The TIMESTAMPTZ cast wants seconds: `HH:MM+02:00` is retried as `HH:MM:00+02:00`.
    parse = (f"CASE WHEN {z} THEN coalesce(TRY_CAST(upper({t}) AS TIMESTAMPTZ), "
             f"TRY_CAST(left(upper({t}), 16) || ':00' || substr(upper({t}), 17) AS TIMESTAMPTZ)) "
             f"END AS {i}, CASE WHEN NOT {z} THEN TRY_CAST({t} AS TIMESTAMP) END AS {w}")
    typed = (f'CASE WHEN {z} THEN timezone({tz}, {i}) ELSE {w} END AS "p__{name}", '
             f"make_timestamp(epoch_us(CASE WHEN {z} THEN {i} ELSE timezone({tz}, {w}) END)) "
             f'AS "u__{name}"')
    return shape, flag, parse, typed


def _reason(entity: Entity, width: int) -> str:
    checks = [f"WHEN _width <> {width} THEN 'wrong number of fields: expected {width}, got ' || _width"]
    for c in entity.columns:
        v, p = f'"v__{c.name}"', f'"p__{c.name}"'
        if c.required:
            checks.append(f"WHEN {v} IS NULL THEN {lit('missing required value: ' + c.name)}")
        if c.type != "str":
            prefix = f"invalid {TYPE_WORDS[c.type]} in {c.name}: '"
            checks.append(f"WHEN {v} IS NOT NULL AND {p} IS NULL THEN {lit(prefix)} || {v} || ''''")
    return f"CASE {' '.join(checks)} END AS _reason"


def chunk_sql(entity: Entity, positions: dict[str, int], width: int, timezone: str) -> str:
    """`positions`: contract column -> 0-based field index in the file (absent = NULL column);
    `width`: number of header fields, the field count every record must have."""
    cols = entity.columns
    ts = [c.name for c in cols if c.type == "ts"]
    steps = list(zip(*(_ts_steps(n, lit(timezone)) for n in ts))) or [(), (), (), ()]
    fields = ", ".join(
        f'NULLIF(rec[{positions[c.name] + 1}], \'\') AS "v__{c.name}"' if c.name in positions
        else f'NULL::VARCHAR AS "v__{c.name}"' for c in cols)
    scalars = [f'{_scalar(c.type, f"v__{c.name}")} AS "p__{c.name}"' for c in cols if c.type != "ts"]
    outputs = ([f'"p__{c.name}" AS "{c.name}"' for c in cols]
               + [f'"u__{n}" AS "{n}_utc"' for n in ts] + ["_line", _reason(entity, width)])

    def step(name: str, exprs, source: str) -> str:
        # Each step is a projection over the previous one, so an expression is computed once.
        return f"{name} AS (SELECT *{''.join(', ' + e for e in exprs)} FROM {source})"

    return ("WITH "
            f"fields AS (SELECT _line, len(rec) AS _width, {fields} FROM _loader_chunk), "
            + ", ".join([step("parsed", scalars + list(steps[0]), "fields"),
                         step("flagged", steps[1], "parsed"),
                         step("read", steps[2], "flagged"),
                         step("typed", steps[3], "read")])
            + f" SELECT {', '.join(outputs)} FROM typed")
