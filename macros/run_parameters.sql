{#- Values that change from run to run: as_of, and on a nightly the delta (delta_files,
    merge_models). The orchestration passes them in the env var PILOTAGE_RUN_PARAMETERS (JSON),
    read only when a node executes: dbt then never re-parses the project because they changed
    (new `--vars` cost a full parse, about 6 s, every night). A var of the same name wins
    (`dbt build --vars '{as_of: 2026-03-15}'` by hand, dbt unit test overrides).
    While dbt parses, the default is returned: configs must not depend on these values, which is
    why the rebuild-or-merge choice is made at run time (should_full_refresh below). -#}
{% macro run_parameter(name, default=none) -%}
    {%- set given = var(name, none) -%}
    {%- if given is not none and given != {} and given != [] -%}
        {{ return(given) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(default) }}
    {%- endif -%}
    {%- set value = fromjson(env_var('PILOTAGE_RUN_PARAMETERS', '{}')).get(name) -%}
    {{ return(default if value is none else value) }}
{%- endmacro %}

{#- dbt's should_full_refresh (a `full_refresh` config, else --full-refresh), then the run's
    parameters: an incremental staging model without new files for its raw table, and a merging
    model the run does not name in merge_models, are rebuilt whole
    (macros/staging/staging_delta.sql, macros/incremental/merge_touched.sql). -#}
{% macro should_full_refresh() -%}
    {%- set configured = config.get('full_refresh') -%}
    {%- if configured is not none -%}
        {{ return(configured) }}
    {%- endif -%}
    {%- if flags.FULL_REFRESH -%}
        {{ return(true) }}
    {%- endif -%}
    {%- set meta = config.get('meta') or {} -%}
    {%- if 'staging_of' in meta or 'merge' in meta -%}
        {{ return(not merges_this_run(model.name, meta)) }}
    {%- endif -%}
    {{ return(false) }}
{%- endmacro %}

{#- Whether model `name` (its config meta) merges on this run instead of being rebuilt whole:
    an incremental staging model given new files for its raw table, a merging model named in
    merge_models. Read by should_full_refresh and by the uniqueness tests
    (macros/tests/rewritten_keys_filter.sql). -#}
{% macro merges_this_run(name, meta) -%}
    {%- if 'staging_of' in meta -%}
        {{ return(delta_files(meta['staging_of']) | length > 0) }}
    {%- endif -%}
    {{ return('merge' in meta and name in run_parameter('merge_models', [])) }}
{%- endmacro %}

{#- The manifest node of model `name` of this project (none when there is none). -#}
{% macro project_model(name) -%}
    {{ return(graph.nodes.get('model.' ~ project_name ~ '.' ~ name)) }}
{%- endmacro %}
