{#- Register the loader's Parquet export as Spark tables, for a cluster (docs/spark.md):

      dbt run-operation register_loader_parquet --target spark_cluster --args
        '{root: "s3a://bucket/pilotage/parquet", tables: {raw: [crm__accounts, ...], audit: [load_audit, quarantine]}}'

  Creates database `<schema><PILOTAGE_SCHEMA_SUFFIX>` and, for each table, an external table
  over `<root>/<schema>/<table>/` (the layout orchestration.spark.export_loader_tables writes).
  Dropping an external table leaves its files alone. Locally, orchestration.spark does the
  same from Python in the dbt process. -#}
{% macro register_loader_parquet(root, tables) %}
    {%- if target.type != 'spark' -%}
        {{ exceptions.raise_compiler_error("register_loader_parquet: target " ~ target.name ~ " is not a Spark target") }}
    {%- endif -%}
    {%- set suffix = env_var('PILOTAGE_SCHEMA_SUFFIX', '') -%}
    {%- for schema, names in tables.items() -%}
        {%- do run_query("create database if not exists `" ~ schema ~ suffix ~ "`") -%}
        {%- for name in names -%}
            {%- set relation = "`" ~ schema ~ suffix ~ "`.`" ~ name ~ "`" -%}
            {%- set location = root.rstrip('/') ~ '/' ~ schema ~ '/' ~ name -%}
            {%- do run_query("drop table if exists " ~ relation) -%}
            {%- do run_query("create table " ~ relation ~ " using parquet location '" ~ location ~ "'") -%}
            {{ log("registered " ~ relation ~ " -> " ~ location, info=True) }}
        {%- endfor -%}
    {%- endfor -%}
{% endmacro %}
