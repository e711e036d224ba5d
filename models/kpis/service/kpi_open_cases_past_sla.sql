-- open_cases_past_sla (snapshot): live cases with closed_at NULL and sla_due_at before the
-- end of the as_of local day (sla_due_at local date <= as_of).
with cases as (
    select * from {{ ref('int_service_cases') }}
),

population as (
    select
        case_id,
        reason as contact_reason,
        priority
    from cases
    where {{ is_open_past_sla() }}
)

{{ kpi_observations('open_cases_past_sla', 'population', numerator='count(*)') }}
