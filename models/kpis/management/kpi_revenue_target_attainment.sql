-- revenue_target_attainment: invoiced_revenue / its target. Rows only where invoiced_revenue
-- has a row (its population is non-empty) and a target exists (int_kpi_targets: sum of the
-- months that have a target row). kpis.yml v1.1: "a target of 0 is a target (its attainment
-- is NULL)": a 0 target gives a row whose value is NULL (zero denominator); negative
-- targets give no row (the definition keeps targets > 0). Built from the observations of kpi_invoiced_revenue (same dimensions
-- total, team, sales_rep), not recomputed. marts.kpi_observations gives these rows target NULL.
with invoiced_revenue as (
    select * from {{ ref('kpi_invoiced_revenue') }}
    where dimension in ('total', 'team', 'sales_rep')
),

targets as (
    select * from {{ ref('int_kpi_targets') }}
    where kpi_code = 'invoiced_revenue'
),

attainment as (
    select
        'revenue_target_attainment' as kpi_code,
        invoiced_revenue.period_grain,
        invoiced_revenue.period_start,
        invoiced_revenue.dimension,
        invoiced_revenue.dimension_value,
        cast(invoiced_revenue.value as {{ double_type() }}) as numerator,
        cast(targets.target as {{ double_type() }}) as denominator
    from invoiced_revenue
    inner join targets
        on targets.period_grain = invoiced_revenue.period_grain
        and targets.period_start = invoiced_revenue.period_start
        and targets.dimension = invoiced_revenue.dimension
        and targets.dimension_value = invoiced_revenue.dimension_value
    where targets.target >= 0
)

select
    kpi_code,
    period_grain,
    period_start,
    dimension,
    dimension_value,
    numerator,
    denominator,
    cast(numerator / nullif(denominator, 0) as {{ double_type() }}) as value
from attainment
