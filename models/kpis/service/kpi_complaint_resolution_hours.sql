-- complaint_resolution_hours (period): avg_resolution_hours restricted to cases with
-- is_complaint = true (elapsed hours opened_at -> closed_at, by closed_at local date).
with cases as (
    select * from {{ ref('int_service_cases') }}
),

population as (
    select
        closed_on as kpi_date,
        case_id,
        reason as contact_reason,
        resolution_hours
    from cases
    where closed_at is not null
      and is_complaint = true
)

{{ kpi_observations('complaint_resolution_hours', 'population',
                    numerator='sum(resolution_hours)', denominator='count(resolution_hours)') }}
