-- cases_opened (period): live cases by opened_at local date.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with cases as (
    select * from {{ ref('int_service_cases') }}
),

population as (
    select
        opened_on as kpi_date,
        case_id,
        reason as contact_reason,
        channel as case_channel,
        priority
    from cases
),

{{ kpi_month_cells('cells', 'population', ['contact_reason', 'case_channel', 'priority'],
                   {'cases': 'count(*)'}) }}

{{ kpi_observations('cases_opened', 'cells', numerator='sum(cases)') }}
