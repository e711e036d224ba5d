-- sla_compliance_rate (period): over cases closed in the period (closed_at local date) with
-- sla_due_at not NULL, the share with closed_at <= sla_due_at (instants compared in UTC).
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
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
),

{{ kpi_month_cells('cells', 'population', ['contact_reason', 'priority'],
                   {'within_sla': 'sum(is_within_sla)', 'closed': 'count(*)'}) }}

{{ kpi_observations('sla_compliance_rate', 'cells', numerator='sum(within_sla)', denominator='sum(closed)') }}
