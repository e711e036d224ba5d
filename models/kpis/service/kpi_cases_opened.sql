-- cases_opened (period): live cases by opened_at local date.
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
)

{{ kpi_observations('cases_opened', 'population', numerator='count(*)') }}
