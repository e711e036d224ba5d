-- visits_done: live activities of type 'visit' with status 'done' and completed_at not NULL,
-- by completed_at. Rep = owner_rep_id.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with activities as (
    select * from {{ ref('int_sales_activities') }}
),

population as (
    select
        completed_on as kpi_date,
        activity_id,
        owner_rep_id as sales_rep,
        owner_team as team
    from activities
    where activity_type = 'visit'
      and status = 'done'
      and completed_at is not null
),

{{ kpi_month_cells('cells', 'population', ['sales_rep', 'team'], {'visits': 'count(*)'}) }}

{{ kpi_observations('visits_done', 'cells', numerator='sum(visits)') }}
