-- late_visits (snapshot as of as_of): live visits with status 'planned' whose due_at local
-- date is before as_of (due_at NULL: not late). Rep = owner_rep_id.
with activities as (
    select * from {{ ref('int_sales_activities') }}
),

population as (
    select
        activity_id,
        owner_rep_id as sales_rep,
        owner_team as team
    from activities
    where activity_type = 'visit'
      and status = 'planned'
      and due_on < {{ as_of_date() }}
)

{{ kpi_observations('late_visits', 'population', numerator='count(*)') }}
