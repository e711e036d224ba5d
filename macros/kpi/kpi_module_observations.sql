{#- The observation rows of one module's KPIs (their models, ephemeral, unioned), materialized as a table:
    marts.kpi_observations unions the nine module tables, which dbt builds in parallel (one
    query over the 79 KPIs ran alone at the end of every build: about 17 s at scale 10). -#}
{#- `merge`: the module table's merge declaration of KPI periods (merge_declarations.sql), when
    it has one: on a merging night the rows are those of the touched periods only (the pre-hook
    deleted them), and each KPI reads only the records those periods need (kpi_touched_records).
    Only a module of period KPIs can: a snapshot's rows move with as_of every night. -#}
{% macro kpi_module_observations(module, merge=none) -%}
    {%- set catalogue = kpi_catalogue() -%}
    {%- set codes = [] -%}
    {%- for kpi_code in catalogue if catalogue[kpi_code].module == module -%}
        {%- do codes.append(kpi_code) -%}
    {%- endfor -%}
    {%- if not codes -%}
        {{ exceptions.raise_compiler_error("no KPI of module " ~ module ~ " in the catalogue") }}
    {%- endif -%}
    {%- for kpi_code in codes if merge and catalogue[kpi_code].kind != 'period' -%}
        {{ exceptions.raise_compiler_error("kpi_observations_" ~ module ~ " merges KPI periods, but "
                                           ~ kpi_code ~ " is a " ~ catalogue[kpi_code].kind ~ " KPI") }}
    {%- endfor -%}
    {%- if merge %}
select * from (
    {%- endif %}
    {%- for kpi_code in codes %}
    select * from {{ ref('kpi_' ~ kpi_code) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
    {%- if merge %}
) as module_observations
{{- where_touched(merge.touched, merge.through) }}
    {%- endif %}
{%- endmacro %}

{#- On a night that merges the KPI periods of `module`'s table: the predicate on a KPI's records
    (`kpi_date`) that keeps those dated in a touched period; '' on any other run (the KPI models
    are ephemeral: their module table decides). -#}
{% macro kpi_touched_records(module) -%}
    {%- set name = 'kpi_observations_' ~ module -%}
    {#- merge_models first: a dbt unit test has no graph to read -#}
    {%- if not execute or flags.FULL_REFRESH or name not in run_parameter('merge_models', []) -%}
        {{ return('') }}
    {%- endif -%}
    {%- set node = project_model(name) -%}
    {%- set meta = node.config.meta if node else {} -%}
    {%- if node is none or not merges_this_run(name, meta) -%}
        {{ return('') }}
    {%- endif -%}
    {%- if adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) is none -%}
        {{ return('') }}  {#- built whole: it does not exist yet -#}
    {%- endif -%}
    {{ return(touched_predicate(meta['merge']['touched'], meta['merge']['through'], date_column='kpi_date')) }}
{%- endmacro %}

{#- The modules of the catalogue, in its order. -#}
{% macro kpi_modules() -%}
    {%- set modules = [] -%}
    {%- for kpi_code, kpi in kpi_catalogue().items() if kpi.module not in modules -%}
        {%- do modules.append(kpi.module) -%}
    {%- endfor -%}
    {{ return(modules) }}
{%- endmacro %}
