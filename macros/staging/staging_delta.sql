{#- Incremental staging (issue 6). On a nightly run the orchestration passes, in the run
    parameter `delta_files` (macros/run_parameters.sql), the files added to each raw table whose change is append-only (no loaded
    file changed or vanished: orchestration/build_scope.delta_files). A staging model of such a
    table deletes the keys those files touch and inserts their current version, recomputed from
    every loaded version of those keys: an update or a tombstone in the delta lands exactly as a
    full rebuild would place it. Without new files for its table (full refresh, first build, a
    changed or vanished file, a manual `dbt build`, PostgreSQL, Spark) the model is rebuilt whole. -#}

{% macro delta_files(raw_table) -%}
    {{ return(run_parameter('delta_files', {}).get(raw_table, [])) }}
{%- endmacro %}

{#- The model's config: incremental, and rebuilt whole unless the run gives new files for its
    table (decided when it runs: should_full_refresh in macros/run_parameters.sql). -#}
{% macro staging_config(raw_table) -%}
    {{ return({
        'materialized': 'incremental',
        'incremental_strategy': 'append',
        'on_schema_change': 'fail',
        'pre_hook': "{% if is_incremental() %}{{ delete_where(this, touched_keys_predicate('"
                    ~ raw_table ~ "')) }}{% endif %}",
        'meta': {'staging_of': raw_table},
    }) }}
{%- endmacro %}

{#- `<keys> in (keys of the rows of the new files)` -#}
{% macro touched_keys_predicate(raw_table) -%}
    {%- set keys = raw_table_keys(raw_table) | join(', ') -%}
    ({{ keys }}) in (
        select {{ keys }}
        from {{ source('raw', raw_table) }}
        where {{ in_delta_files(raw_table) }}
    )
{%- endmacro %}

{#- `_file in (<the table's new files>)` -#}
{% macro in_delta_files(raw_table) -%}
    _file in ({% for f in delta_files(raw_table) %}'{{ f | replace("'", "''") }}'{{ ', ' if not loop.last }}{% endfor %})
{%- endmacro %}

{#- The filter on the raw rows a staging model reads: on an incremental run, every version of
    the touched keys; otherwise nothing is filtered. -#}
{% macro where_touched_by_delta(raw_table) -%}
    {%- if is_incremental() %}
    where {{ touched_keys_predicate(raw_table) }}
    {%- endif %}
{%- endmacro %}
