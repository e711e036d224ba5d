-- first_response_hours (period): average elapsed hours from opened_at to first_response_at
-- over cases opened in the period (opened_at local date) with first_response_at not NULL.
with cases as (
    select * from {{ ref('int_service_cases') }}
),

population as (
    select
        opened_on as kpi_date,
        case_id,
        channel as case_channel,
        first_response_hours
    from cases
    where first_response_at is not null
)

{{ kpi_observations('first_response_hours', 'population',
                    numerator='sum(first_response_hours)', denominator='count(first_response_hours)') }}
