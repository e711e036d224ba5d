-- action_plan_progress_rate (snapshot as of as_of): sum of tasks_done / sum of tasks_total
-- over action plans (current versions; the entity has no tombstones) with status 'active'
-- and tasks_total > 0. A NULL tasks_done counts as 0 tasks done. Rep = owner_rep_id, team =
-- the owner's current team. The plans' own dates do not filter (the definition names none).
with action_plans as (
    select * from {{ ref('stg_crm__action_plans') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

population as (
    select
        action_plans.action_plan_id,
        action_plans.owner_rep_id as sales_rep,
        reps.team,
        coalesce(action_plans.tasks_done, 0) as tasks_done,
        action_plans.tasks_total
    from action_plans
    left join reps on reps.rep_id = action_plans.owner_rep_id
    where action_plans.status = 'active'
      and action_plans.tasks_total > 0
)

{{ kpi_observations(
    'action_plan_progress_rate', 'population',
    numerator='sum(tasks_done)',
    denominator='sum(tasks_total)'
) }}
