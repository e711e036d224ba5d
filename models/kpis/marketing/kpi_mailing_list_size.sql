-- mailing_list_size: at each month end, live contacts with email_opt_in = true and
-- created_at local date <= month end; one row per month from the month of the first such
-- contact to the as_of month (per country: from that country's first one). Country = the
-- contact's live account country. Contacts are pre-counted by creation month and country.
with contacts as (
    select * from {{ ref('int_contacts') }}
),

months as (
    select * from {{ ref('int_calendar_months') }}
),

opted_in_by_month as (
    select
        {{ period_start('month', 'created_on') }} as created_month,
        account_country as country,
        count(*) as contact_count
    from contacts
    where email_opt_in = true
    group by {{ period_start('month', 'created_on') }}, account_country
),

population as (
    -- one row per month end and (creation month, country) bucket already on the list
    select
        months.month_start as kpi_date,
        opted_in_by_month.country,
        opted_in_by_month.contact_count
    from months
    inner join opted_in_by_month
        on opted_in_by_month.created_month <= months.month_start
)

{{ kpi_observations('mailing_list_size', 'population', numerator='sum(contact_count)') }}
