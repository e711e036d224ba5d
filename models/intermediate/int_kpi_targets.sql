-- Grain: one row per KPI x period (month, quarter, year) x dimension member that has at
-- least one monthly plan/targets row: target = sum of target_value over the months of the
-- period that have one (kpis.yml). Scope company -> total/all, team -> team, rep -> sales_rep.
with targets as (
    select * from {{ ref('stg_plan__targets') }}
),

monthly as (
    select
        kpi_code,
        case scope
            when 'company' then 'total'
            when 'team' then 'team'
            when 'rep' then 'sales_rep'
        end as dimension,
        case when scope = 'company' then 'all' else scope_id end as dimension_value,
        {{ period_start('month', 'period_month') }} as month_start,
        target_value
    from targets
    where scope in ('company', 'team', 'rep')
),

by_grain as (
    {%- for grain in ['month', 'quarter', 'year'] %}
    select
        kpi_code,
        '{{ grain }}' as period_grain,
        {{ period_start(grain, 'month_start') }} as period_start,
        dimension,
        dimension_value,
        sum(target_value) as target
    from monthly
    group by kpi_code, {{ period_start(grain, 'month_start') }}, dimension, dimension_value
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)

select * from by_grain
