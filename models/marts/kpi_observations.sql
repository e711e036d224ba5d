{#- Snapshot rows of earlier as_of dates are kept (kpis.yml); everything else is recomputed
    each run: the pre-hook deletes period and forecast rows and this as_of's snapshot, then
    the run appends. full_refresh=false keeps snapshot history through `--full-refresh`.
    delete_where (macros/portability) is a plain DELETE except on Spark (docs/spark.md). -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    full_refresh=false,
    on_schema_change='fail',
    pre_hook="{% if is_incremental() %}{{ delete_where(this, \"period_grain <> 'as_of' or period_start = \" ~ as_of_date()) }}{% endif %}"
) }}
-- Grain: one row per KPI x period_grain x period_start x dimension x dimension_value.

with observations as (
    {#- one table per module (models/kpis/<module>/kpi_observations_<module>.sql) -#}
    {%- for module in kpi_modules() %}
    select * from {{ ref('kpi_observations_' ~ module) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

catalogue as (
    select * from {{ ref('kpi_catalogue') }}
),

targets as (
    select * from {{ ref('int_kpi_targets') }}
),

final as (
    select
        observations.kpi_code,
        catalogue.module,
        observations.period_grain,
        observations.period_start,
        observations.dimension,
        observations.dimension_value,
        observations.value,
        case
            when observations.kpi_code <> 'revenue_target_attainment' then targets.target
        end as target,
        catalogue.unit,
        {{ as_of_date() }} as as_of_date
    from observations
    inner join catalogue
        on catalogue.kpi_code = observations.kpi_code
    left join targets
        on targets.kpi_code = observations.kpi_code
        and targets.period_grain = observations.period_grain
        and targets.period_start = observations.period_start
        and targets.dimension = observations.dimension
        and targets.dimension_value = observations.dimension_value
)

select * from final
