-- Grain: one row per month (int_calendar_months) x bucket of opted-in live contacts created in
-- or before that month (creation month x account country). The mailing list at a month end is
-- the sum of its buckets; mailing_list_size and mailing_list_growth_rate share it.
with contacts as (
    select * from {{ ref('int_contacts') }}
),

months as (
    select * from {{ ref('int_calendar_months') }}
),

opted_in_by_month as (
    -- contacts are pre-counted by creation month and country: the join below stays small
    select
        {{ period_start('month', 'created_on') }} as created_month,
        account_country as country,
        count(*) as contact_count
    from contacts
    where email_opt_in = true
    group by {{ period_start('month', 'created_on') }}, account_country
)

select
    months.month_start,
    opted_in_by_month.created_month,
    opted_in_by_month.country,
    opted_in_by_month.contact_count,
    -- the part of the bucket already on the list at the end of the previous month
    case
        when opted_in_by_month.created_month < months.month_start
            then opted_in_by_month.contact_count
        else 0
    end as previous_count
from months
inner join opted_in_by_month
    on opted_in_by_month.created_month <= months.month_start
