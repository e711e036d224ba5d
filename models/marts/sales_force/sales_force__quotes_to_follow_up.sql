-- Level 3: the quotes to follow up as of the run's as_of (the quotes_to_follow_up
-- population): live quotes with status 'sent' and follow_up_on <= as_of, with their rep and
-- days overdue. Grain: one row per quote.
with quotes as (
    select * from {{ ref('stg_crm__quotes') }}
),

reps as (
    select * from {{ ref('stg_crm__sales_reps') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        quotes.quote_id,
        quotes.owner_rep_id,
        reps.full_name as owner_name,
        reps.team as owner_team,
        quotes.account_id,
        accounts.account_name,
        quotes.opportunity_id,
        quotes.amount,
        quotes.sent_at,
        quotes.follow_up_on,
        {{ days_between('quotes.follow_up_on', as_of_date()) }} as days_overdue,
        {{ as_of_date() }} as as_of_date
    from quotes
    left join reps on reps.rep_id = quotes.owner_rep_id
    left join accounts on accounts.account_id = quotes.account_id
    where quotes.status = 'sent'
      and quotes.follow_up_on <= {{ as_of_date() }}
)

select * from final
