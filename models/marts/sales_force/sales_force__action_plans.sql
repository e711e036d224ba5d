-- Level 3: action plans (current versions) with their owner and progress; the ones counted
-- by action_plan_progress_rate are flagged. Grain: one row per action plan.
with action_plans as (
    select * from {{ ref('stg_crm__action_plans') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        action_plans.action_plan_id,
        action_plans.title,
        action_plans.status,
        action_plans.owner_rep_id,
        reps.full_name as owner_name,
        reps.team as owner_team,
        action_plans.account_id,
        accounts.account_name,
        action_plans.starts_on,
        action_plans.due_on,
        action_plans.tasks_total,
        action_plans.tasks_done,
        cast(coalesce(action_plans.tasks_done, 0) as {{ double_type() }})
            / nullif(action_plans.tasks_total, 0) as progress_rate,
        coalesce(action_plans.status = 'active' and action_plans.tasks_total > 0, false) as is_in_progress_kpi,
        coalesce(action_plans.status = 'active' and action_plans.due_on < {{ as_of_date() }}, false) as is_overdue,
        {{ as_of_date() }} as as_of_date
    from action_plans
    left join reps on reps.rep_id = action_plans.owner_rep_id
    left join accounts on accounts.account_id = action_plans.account_id
)

select * from final
