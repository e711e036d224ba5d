{#- Delete the rows of `relation` that match `predicate` (SQL text), from a hook.

  Most engines: `delete from relation where predicate`, returned as the hook's statement.
  Spark: Parquet (and Hive) tables have no DELETE ("DELETE is only supported with v2
  tables"), and Delta/Iceberg are not available offline. The kept rows are copied to a
  side table, written back with INSERT OVERWRITE (Spark refuses to overwrite a table it
  is reading in the same statement), and the side table dropped; the statements run here
  and the hook itself is left empty. Not atomic (nothing on Spark + Parquet is): a run
  that dies between the copy and the write-back leaves `<table>__pilotage_kept` behind,
  which the next run drops first. -#}

{% macro delete_where(relation, predicate) -%}
    {{ return(adapter.dispatch('delete_where', 'pilotage')(relation, predicate)) }}
{%- endmacro %}

{% macro default__delete_where(relation, predicate) -%}
    delete from {{ relation }} where {{ predicate }}
{%- endmacro %}

{% macro spark__delete_where(relation, predicate) -%}
    {%- if execute -%}
        {%- set kept = relation.incorporate(path={"identifier": relation.identifier ~ "__pilotage_kept"}) -%}
        {%- do run_query("drop table if exists " ~ kept) -%}
        {%- do run_query("create table " ~ kept ~ " using parquet as select * from " ~ relation
                         ~ " where not coalesce(" ~ predicate ~ ", false)") -%}
        {%- do run_query("insert overwrite table " ~ relation ~ " select * from " ~ kept) -%}
        {%- do run_query("drop table " ~ kept) -%}
    {%- endif -%}
{%- endmacro %}
