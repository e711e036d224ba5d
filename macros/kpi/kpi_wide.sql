{#- Level-2 wide table: one row per period x member of `dimension`, one column per KPI of
    `kpi_codes` (values from marts.kpi_observations; NULL where the KPI has no row).
    A view (a table on Spark, like the KPI layer): its SQL does not read as_of, so a nightly
    keeps it as published and it reads the new kpi_observations (build_scope); as a table it
    was rebuilt every night after kpi_observations, at the end of the build. The view names
    kpi_observations without the database: DuckDB resolves it in the view's own file, so the
    published file still answers when opened under another name (a copy, an ATTACH ... AS). -#}
{% macro kpi_wide(kpi_codes, dimension, grain='month') %}
{{ config(materialized=('table' if target.type == 'spark' else 'view')) }}
with observations as (
    select * from {{ ref('kpi_observations').include(database=False) }}
),

wide as (
    select
        period_start,
        dimension_value as {{ dimension }},
        {%- for kpi_code in kpi_codes %}
        max(case when kpi_code = '{{ kpi_code }}' then value end) as {{ kpi_code }}
        {{- ',' if not loop.last }}
        {%- endfor %}
    from observations
    where period_grain = '{{ grain }}'
      and dimension = '{{ dimension }}'
      and kpi_code in ({% for kpi_code in kpi_codes %}'{{ kpi_code }}'{{ ', ' if not loop.last }}{% endfor %})
    group by period_start, dimension_value
)

select * from wide
{% endmacro %}
