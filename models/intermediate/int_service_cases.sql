-- Grain: one row per live case (crm/cases), with local dates for period attribution,
-- elapsed durations from the *_utc instants (real time, DST-safe) and the SLA flags:
--   is_closed_same_day  closed_at and opened_at local dates are equal (NULL while open)
--   is_sla_met          closed_at <= sla_due_at as instants (NULL unless both are known)
-- Whether a case is open past its SLA as of as_of is the macro is_open_past_sla() over these
-- columns, evaluated by the readers: the model does not read as_of.
{%- set touched = {'case_id': ['crm__cases']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the cases a delta's case files touch (macros/incremental/merge_touched.sql);
-- a change of accounts (int_accounts) rebuilds it whole.
with cases as (
    select * from {{ ref('stg_crm__cases') }}
    {{- where_touched(touched) }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

enriched as (
    select
        cases.case_id,
        cases.account_id,
        accounts.account_name,
        accounts.country as account_country,
        accounts.segment as account_segment,
        accounts.owner_rep_id as account_owner_rep_id,
        cases.contact_id,
        cases.agent_id,
        cases.channel,
        cases.reason,
        cases.priority,
        coalesce(cases.is_complaint, false) as is_complaint,
        cases.opened_at,
        cast(cases.opened_at as date) as opened_on,
        cases.first_response_at,
        cases.closed_at,
        cast(cases.closed_at as date) as closed_on,
        cases.sla_due_at,
        cast(cases.sla_due_at as date) as sla_due_on,
        cast({{ seconds_between('cases.opened_at_utc', 'cases.first_response_at_utc') }} as {{ double_type() }}) / 3600 as first_response_hours,
        cast({{ seconds_between('cases.opened_at_utc', 'cases.closed_at_utc') }} as {{ double_type() }}) / 3600 as resolution_hours,
        case
            when cases.closed_at is not null
                then cast(cases.closed_at as date) = cast(cases.opened_at as date)
        end as is_closed_same_day,
        case
            when cases.closed_at_utc is not null and cases.sla_due_at_utc is not null
                then cases.closed_at_utc <= cases.sla_due_at_utc
        end as is_sla_met
    from cases
    left join accounts on accounts.account_id = cases.account_id
)

select * from enriched
