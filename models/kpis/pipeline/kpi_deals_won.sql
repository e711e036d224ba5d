-- deals_won: live opportunities with stage closed_won, by closed_at (local date; closed_at
-- NULL: not counted). Rep = owner; segment = segment of the opportunity's live account.
with opportunities as (
    select * from {{ ref('int_opportunities') }}
),

population as (
    select
        closed_on as kpi_date,
        owner_rep_id as sales_rep,
        owner_team as team,
        lead_source,
        product_range,
        account_segment as segment
    from opportunities
    where is_won = true
      and closed_on is not null
)

{{ kpi_observations('deals_won', 'population', numerator='count(*)') }}
