-- Level 3: the late visits of the run's as_of (the late_visits population): live visits with
-- status 'planned' whose due_at local date is before as_of, with their rep and days late.
-- Grain: one row per late visit.
with activities as (
    select * from {{ ref('int_sales_activities') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        activities.activity_id,
        activities.owner_rep_id,
        reps.full_name as owner_name,
        activities.owner_team,
        activities.account_id,
        accounts.account_name,
        activities.contact_id,
        activities.opportunity_id,
        activities.due_at,
        activities.due_on,
        {{ days_between('activities.due_on', as_of_date()) }} as days_late,
        {{ as_of_date() }} as as_of_date
    from activities
    left join reps on reps.rep_id = activities.owner_rep_id
    left join accounts on accounts.account_id = activities.account_id
    where activities.activity_type = 'visit'
      and activities.status = 'planned'
      and activities.due_on < {{ as_of_date() }}
)

select * from final
