{#- Level-1 synthetic view of a module: its level-1 KPIs, total member, over the last
    `months` months (monthly rows) plus the latest snapshot, from marts.kpi_observations. -#}
{% macro module_synthesis(module, months=13) %}
with observations as (
    select * from {{ ref('kpi_observations') }}
),

catalogue as (
    select * from {{ ref('kpi_catalogue') }}
),

synthesis as (
    select
        observations.kpi_code,
        catalogue.name_fr,
        catalogue.name_en,
        observations.period_grain,
        observations.period_start,
        observations.value,
        observations.target,
        observations.unit,
        catalogue.direction,
        observations.as_of_date
    from observations
    inner join catalogue on catalogue.kpi_code = observations.kpi_code
    where catalogue.module = '{{ module }}'
      and catalogue.level = 1
      and observations.dimension = 'total'
      and (
          (observations.period_grain = 'month'
           and observations.period_start >= cast({{ dbt.dateadd('month', 1 - months, period_start('month', as_of_date())) }} as date))
          or (observations.period_grain = 'as_of' and observations.period_start = {{ as_of_date() }})
      )
)

select * from synthesis
{% endmacro %}
