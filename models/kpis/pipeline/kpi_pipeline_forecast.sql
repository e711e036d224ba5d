-- pipeline_forecast: weighted amount of open opportunities by the month of
-- greatest(expected_close_date, as_of); a NULL expected_close_date goes to the as_of month.
-- Kind forecast: monthly rows, not capped at the as_of month, reflecting the latest run.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        case
            when expected_close_date is null or expected_close_date < {{ as_of_date() }}
                then {{ as_of_date() }}
            else expected_close_date
        end as kpi_date,
        owner_rep_id as sales_rep,
        owner_team as team,
        coalesce(amount, 0) * coalesce(probability, 0) / 100.0 as weighted_amount
    from opportunities
    where {{ is_open_opportunity() }}
)

{{ kpi_observations('pipeline_forecast', 'population', numerator='sum(weighted_amount)') }}
