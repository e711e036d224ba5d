-- quotes_to_follow_up (snapshot as of as_of): live quotes with status 'sent' and
-- follow_up_on <= as_of (follow_up_on NULL: not counted). Rep = owner_rep_id.
with quotes as (
    select * from {{ ref('stg_crm__quotes') }}
),

population as (
    select
        quote_id,
        owner_rep_id as sales_rep
    from quotes
    where status = 'sent'
      and follow_up_on <= {{ as_of_date() }}
)

{{ kpi_observations('quotes_to_follow_up', 'population', numerator='count(*)') }}
