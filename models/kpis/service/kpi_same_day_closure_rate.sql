-- same_day_closure_rate (period): cases closed in the period whose closed_at and opened_at
-- local dates are equal / cases closed in the period (by closed_at local date).
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with cases as (
    select * from {{ ref('int_service_cases') }}
),

population as (
    select
        closed_on as kpi_date,
        case_id,
        reason as contact_reason,
        channel as case_channel,
        case when is_closed_same_day = true then 1 else 0 end as is_same_day
    from cases
    where closed_at is not null
),

{{ kpi_month_cells('cells', 'population', ['contact_reason', 'case_channel'],
                   {'same_day': 'sum(is_same_day)', 'closed': 'count(*)'}) }}

{{ kpi_observations('same_day_closure_rate', 'cells', numerator='sum(same_day)', denominator='sum(closed)') }}
