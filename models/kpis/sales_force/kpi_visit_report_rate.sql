-- visit_report_rate: share of the visits_done population (live visits done, completed_at not
-- NULL, by completed_at) with has_report = true (NULL counts as no report).
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
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
),

{{ kpi_month_cells('cells', 'population', ['sales_rep', 'team'],
                   {'reported': 'sum(is_reported)', 'visits': 'count(*)'}) }}

{{ kpi_observations(
    'visit_report_rate', 'cells',
    numerator='sum(reported)',
    denominator='sum(visits)'
) }}
