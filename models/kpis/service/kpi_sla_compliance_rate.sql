-- sla_compliance_rate (period): over cases closed in the period (closed_at local date) with
-- sla_due_at not NULL, the share with closed_at <= sla_due_at (instants compared in UTC).
with cases as (
    select * from {{ ref('int_service_cases') }}
),

population as (
    select
        closed_on as kpi_date,
        case_id,
        reason as contact_reason,
        priority,
        case when is_sla_met = true then 1 else 0 end as is_within_sla
    from cases
    where closed_at is not null
      and sla_due_at is not null
)

{{ kpi_observations('sla_compliance_rate', 'population',
                    numerator='sum(is_within_sla)', denominator='count(*)') }}
