{#- The observation rows of one module's KPIs (their models, ephemeral, unioned), materialized as a table:
    marts.kpi_observations unions the nine module tables, which dbt builds in parallel (one
    query over the 79 KPIs ran alone at the end of every build: about 17 s at scale 10). -#}
{% macro kpi_module_observations(module) -%}
    {%- set catalogue = kpi_catalogue() -%}
    {%- set codes = [] -%}
    {%- for kpi_code in catalogue if catalogue[kpi_code].module == module -%}
        {%- do codes.append(kpi_code) -%}
    {%- endfor -%}
    {%- if not codes -%}
        {{ exceptions.raise_compiler_error("no KPI of module " ~ module ~ " in the catalogue") }}
    {%- endif -%}
    {%- for kpi_code in codes %}
    select * from {{ ref('kpi_' ~ kpi_code) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The modules of the catalogue, in its order. -#}
{% macro kpi_modules() -%}
    {%- set modules = [] -%}
    {%- for kpi_code, kpi in kpi_catalogue().items() if kpi.module not in modules -%}
        {%- do modules.append(kpi.module) -%}
    {%- endfor -%}
    {{ return(modules) }}
{%- endmacro %}
