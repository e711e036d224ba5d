-- avg_resolution_hours (period): average elapsed hours (real time between the instants)
-- from opened_at to closed_at over cases closed in the period (by closed_at local date).
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
        priority,
        resolution_hours
    from cases
    where closed_at is not null
),

{{ kpi_month_cells('cells', 'population', ['contact_reason', 'case_channel', 'priority'],
                   {'hours': 'sum(resolution_hours)', 'resolved': 'count(resolution_hours)'}) }}

{{ kpi_observations('avg_resolution_hours', 'cells', numerator='sum(hours)', denominator='sum(resolved)') }}
