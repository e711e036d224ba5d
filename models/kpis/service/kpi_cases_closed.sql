-- cases_closed (period): live cases by closed_at local date (closed_at NULL: not counted).
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
)

{{ kpi_observations('cases_closed', 'population', numerator='count(*)') }}
