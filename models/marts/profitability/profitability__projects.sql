-- Level 3: every project (known to erp/projects or named by a timesheet) with its customer
-- account and its figures to date: timesheets with work_date <= as_of (lifetime figures use
-- only what is dated on or before as_of). Grain: one row per project.
with projects as (
    select * from {{ ref('stg_erp__projects') }}
),

timesheets as (
    select * from {{ ref('int_project_timesheets') }}
),

links as (
    select * from {{ ref('int_erp_customer_links') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

project_ids as (
    select project_id from projects
    union
    select project_id from timesheets
),

to_date as (
    select
        project_id,
        min(work_date) as first_work_date,
        max(work_date) as last_work_date,
        sum(hours) as hours,
        sum(billable_hours) as billable_hours,
        sum(billable_revenue) as revenue,
        sum(cost) as cost
    from timesheets
    where work_date <= {{ as_of_date() }}
    group by project_id
),

final as (
    select
        project_ids.project_id,
        projects.name as project_name,
        projects.status as project_status,
        projects.starts_on,
        projects.ends_on,
        projects.budget_amount,
        projects.erp_customer_id,
        links.account_id,
        accounts.account_name,
        accounts.segment as account_segment,
        to_date.first_work_date,
        to_date.last_work_date,
        coalesce(to_date.hours, 0) as hours,
        coalesce(to_date.billable_hours, 0) as billable_hours,
        coalesce(to_date.revenue, 0) as revenue,
        coalesce(to_date.cost, 0) as cost,
        coalesce(to_date.revenue, 0) - coalesce(to_date.cost, 0) as margin,
        cast(to_date.revenue - to_date.cost as {{ double_type() }}) / nullif(to_date.revenue, 0) as margin_rate,
        cast(to_date.billable_hours as {{ double_type() }}) / nullif(to_date.hours, 0) as utilization_rate,
        cast(to_date.cost as {{ double_type() }}) / nullif(projects.budget_amount, 0) as budget_consumed_rate,
        {{ as_of_date() }} as as_of_date
    from project_ids
    left join projects on projects.project_id = project_ids.project_id
    left join links on links.erp_customer_id = projects.erp_customer_id
    left join accounts on accounts.account_id = links.account_id
    left join to_date on to_date.project_id = project_ids.project_id
    where project_ids.project_id is not null
)

select * from final
