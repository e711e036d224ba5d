-- open_pipeline_amount: sum of coalesce(amount, 0) over open opportunities (live, stage not
-- closed_won/closed_lost, created_at local date <= as_of). Rep = owner. Snapshot as of as_of.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        stage,
        owner_rep_id as sales_rep,
        owner_team as team,
        product_range,
        coalesce(amount, 0) as amount
    from opportunities
    where {{ is_open_opportunity() }}
)

{{ kpi_observations('open_pipeline_amount', 'population', numerator='sum(amount)') }}
