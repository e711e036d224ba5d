-- visit_report_rate: share of the visits_done population (live visits done, completed_at not
-- NULL, by completed_at) with has_report = true (NULL counts as no report).
with activities as (
    select * from {{ ref('int_sales_activities') }}
),

population as (
    select
        completed_on as kpi_date,
        activity_id,
        owner_rep_id as sales_rep,
        owner_team as team,
        case when has_report = true then 1 else 0 end as is_reported
    from activities
    where activity_type = 'visit'
      and status = 'done'
      and completed_at is not null
)

{{ kpi_observations(
    'visit_report_rate', 'population',
    numerator='sum(is_reported)',
    denominator='count(*)'
) }}
