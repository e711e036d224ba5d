-- cases_closed (period): live cases by closed_at local date (closed_at NULL: not counted).
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
        priority
    from cases
    where closed_at is not null
),

{{ kpi_month_cells('cells', 'population', ['contact_reason', 'case_channel', 'priority'],
                   {'cases': 'count(*)'}) }}

{{ kpi_observations('cases_closed', 'cells', numerator='sum(cases)') }}
