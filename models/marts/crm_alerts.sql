-- Grain: one row per alert rule and entity, as of the run's as_of (outputs.md,
-- marts.crm_alerts). A snapshot of the as_of only: the table is rebuilt on every run.
-- Each rule is one CTE with the same columns; the message states the key facts.
{%- set text = dbt.type_string() %}
{%- set stale_days = var('stale_opportunity_days') %}
{%- set as_of = as_of_date() %}
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

activities as (
    select * from {{ ref('stg_crm__activities') }}
),

stage_history as (
    select * from {{ ref('stg_crm__opportunity_stage_history') }}
),

quotes as (
    select * from {{ ref('stg_crm__quotes') }}
),

contacts as (
    select * from {{ ref('int_contacts') }}
),

contact_instants as (
    select contact_id, created_at_utc from {{ ref('stg_crm__contacts') }}
),

orders as (
    select * from {{ ref('int_orders') }}
),

cases as (
    select * from {{ ref('int_service_cases') }}
),

-- opportunity_overdue: open opportunity with expected_close_date < as_of
opportunity_overdue as (
    select
        'opportunity_overdue' as alert_rule,
        'warning' as severity,
        'opportunity' as entity_type,
        opportunity_id as entity_id,
        owner_rep_id,
        {{ dbt.concat([
            "'Open opportunity '", "opportunity_id",
            "' (stage '", "stage", "') was expected to close on '",
            "cast(expected_close_date as " ~ text ~ ")", "'.'"
        ]) }} as message
    from opportunities
    where {{ is_open_opportunity() }}
      and expected_close_date < {{ as_of }}
),

-- won_without_amount: live closed_won opportunity with amount NULL or <= 0
won_without_amount as (
    select
        'won_without_amount' as alert_rule,
        'error' as severity,
        'opportunity' as entity_type,
        opportunity_id as entity_id,
        owner_rep_id,
        {{ dbt.concat([
            "'Won opportunity '", "opportunity_id", "' has no positive amount (amount: '",
            "coalesce(cast(amount as " ~ text ~ "), 'empty')", "').'"
        ]) }} as message
    from opportunities
    where is_won = true
      and (amount is null or amount <= 0)
),

-- lost_without_reason: live closed_lost opportunity with lost_reason NULL or empty
lost_without_reason as (
    select
        'lost_without_reason' as alert_rule,
        'warning' as severity,
        'opportunity' as entity_type,
        opportunity_id as entity_id,
        owner_rep_id,
        {{ dbt.concat([
            "'Lost opportunity '", "opportunity_id", "' has no lost reason.'"
        ]) }} as message
    from opportunities
    where is_lost = true
      and (lost_reason is null or trim(lost_reason) = '')
),

-- stale_opportunity: open opportunity created more than N days before as_of, with no
-- linked live activity (any type or status) completed or due in [as_of - N, as_of] and no
-- stage-history event entered in that window (N = var stale_opportunity_days)
recent_activity as (
    select distinct opportunity_id
    from activities
    where opportunity_id is not null
      and (
          cast(completed_at as date) between {{ add_days(as_of, -stale_days) }} and {{ as_of }}
          or cast(due_at as date) between {{ add_days(as_of, -stale_days) }} and {{ as_of }}
      )
),

recent_stage_change as (
    select distinct opportunity_id
    from stage_history
    where cast(entered_at as date) between {{ add_days(as_of, -stale_days) }} and {{ as_of }}
),

stale_opportunity as (
    select
        'stale_opportunity' as alert_rule,
        'warning' as severity,
        'opportunity' as entity_type,
        opportunities.opportunity_id as entity_id,
        opportunities.owner_rep_id,
        {{ dbt.concat([
            "'Open opportunity '", "opportunities.opportunity_id",
            "' (stage '", "opportunities.stage", "', created on '",
            "cast(opportunities.created_on as " ~ text ~ ")",
            "') has had no activity and no stage change in the last " ~ stale_days ~ " days.'"
        ]) }} as message
    from opportunities
    left join recent_activity
        on recent_activity.opportunity_id = opportunities.opportunity_id
    left join recent_stage_change
        on recent_stage_change.opportunity_id = opportunities.opportunity_id
    where {{ is_open_opportunity('opportunities') }}
      and opportunities.created_on < {{ add_days(as_of, -stale_days) }}
      and recent_activity.opportunity_id is null
      and recent_stage_change.opportunity_id is null
),

-- visit_without_report: live visit done, has_report not true, completed on or before as_of - 2
visit_without_report as (
    select
        'visit_without_report' as alert_rule,
        'warning' as severity,
        'activity' as entity_type,
        activity_id as entity_id,
        owner_rep_id,
        {{ dbt.concat([
            "'Visit '", "activity_id", "' done on '",
            "cast(cast(completed_at as date) as " ~ text ~ ")", "' has no visit report.'"
        ]) }} as message
    from activities
    where activity_type = 'visit'
      and status = 'done'
      and coalesce(has_report, false) = false
      and cast(completed_at as date) <= {{ add_days(as_of, -2) }}
),

-- quote_without_follow_up: live quote sent with no follow-up date
quote_without_follow_up as (
    select
        'quote_without_follow_up' as alert_rule,
        'warning' as severity,
        'quote' as entity_type,
        quote_id as entity_id,
        owner_rep_id,
        {{ dbt.concat([
            "'Sent quote '", "quote_id", "' has no follow-up date.'"
        ]) }} as message
    from quotes
    where status = 'sent'
      and follow_up_on is null
),

-- contact_unreachable: live contact with neither e-mail nor phone after trimming
contact_unreachable as (
    select
        'contact_unreachable' as alert_rule,
        'warning' as severity,
        'contact' as entity_type,
        contact_id as entity_id,
        account_owner_rep_id as owner_rep_id,
        {{ dbt.concat([
            "'Contact '", "contact_id", "' has neither e-mail nor phone.'"
        ]) }} as message
    from contacts
    where email is null
      and phone is null
),

-- duplicate_contact: every live contact of a duplicate e-mail group (lower(trim(email)))
-- but the one created first (earliest created_at instant; tie: smallest contact_id)
ranked_email_contacts as (
    select
        contacts.contact_id,
        contacts.account_owner_rep_id,
        contacts.email_key,
        first_value(contacts.contact_id) over (
            partition by contacts.email_key
            order by contact_instants.created_at_utc, {{ order_by_codepoint('contacts.contact_id') }}
            rows between unbounded preceding and unbounded following
        ) as first_contact_id,
        row_number() over (
            partition by contacts.email_key
            order by contact_instants.created_at_utc, {{ order_by_codepoint('contacts.contact_id') }}
        ) as email_rank
    from contacts
    inner join contact_instants
        on contact_instants.contact_id = contacts.contact_id
    where contacts.email_key is not null
),

duplicate_contact as (
    select
        'duplicate_contact' as alert_rule,
        'info' as severity,
        'contact' as entity_type,
        contact_id as entity_id,
        account_owner_rep_id as owner_rep_id,
        {{ dbt.concat([
            "'Contact '", "contact_id", "' duplicates contact '", "first_contact_id",
            "' (same e-mail '", "email_key", "').'"
        ]) }} as message
    from ranked_email_contacts
    where email_rank > 1
),

-- order_without_account: live order (any status) whose ERP customer links to no live account
order_without_account as (
    select
        'order_without_account' as alert_rule,
        'error' as severity,
        'order' as entity_type,
        order_id as entity_id,
        rep_id as owner_rep_id,
        {{ dbt.concat([
            "'Order '", "order_id", "' (ERP customer '", "erp_customer_id",
            "', status '", "coalesce(status, 'unknown')",
            "') is linked to no live CRM account.'"
        ]) }} as message
    from orders
    where account_id is null
),

-- case_past_sla: live case counted by open_cases_past_sla (closed_at NULL, sla_due_at before
-- the end of the as_of local day): the same flag of int_service_cases; owner = account owner
case_past_sla as (
    select
        'case_past_sla' as alert_rule,
        'error' as severity,
        'case' as entity_type,
        case_id as entity_id,
        account_owner_rep_id as owner_rep_id,
        {{ dbt.concat([
            "'Open case '", "case_id", "' (priority '",
            "coalesce(priority, 'unknown')", "') was due by '",
            "cast(sla_due_at as " ~ text ~ ")", "' (SLA exceeded).'"
        ]) }} as message
    from cases
    where {{ is_open_past_sla() }}
),

alerts as (
    select * from opportunity_overdue
    union all
    select * from won_without_amount
    union all
    select * from lost_without_reason
    union all
    select * from stale_opportunity
    union all
    select * from visit_without_report
    union all
    select * from quote_without_follow_up
    union all
    select * from contact_unreachable
    union all
    select * from duplicate_contact
    union all
    select * from order_without_account
    union all
    select * from case_past_sla
)

select
    cast(alert_rule as {{ text }}) as alert_rule,
    cast(severity as {{ text }}) as severity,
    cast(entity_type as {{ text }}) as entity_type,
    cast(entity_id as {{ text }}) as entity_id,
    cast(owner_rep_id as {{ text }}) as owner_rep_id,
    {{ as_of }} as as_of_date,
    cast(message as {{ text }}) as message
from alerts
