-- Level 3 (operational): the cases counted by open_cases_past_sla as of as_of (live, closed_at
-- NULL, sla_due_at before the end of the as_of local day), with account, contact and agent.
-- Grain: one row per such case.
with cases as (
    select * from {{ ref('int_service_cases') }}
),

past_sla as (
    select
        case_id,
        account_id,
        account_name,
        account_owner_rep_id,
        contact_id,
        agent_id,
        channel,
        reason,
        priority,
        is_complaint,
        opened_at,
        first_response_at,
        sla_due_at,
        {{ days_between('sla_due_on', as_of_date()) }} as days_past_sla,
        {{ as_of_date() }} as as_of_date
    from cases
    where {{ is_open_past_sla() }}
)

select * from past_sla
