-- mailing_list_growth_rate: (mailing_list_size(m) - mailing_list_size(m-1)) /
-- mailing_list_size(m-1), month grain. Same rows as mailing_list_size; NULL where the list
-- was empty at the end of m-1 (first month of the list or of a country).
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
    -- one row per month end and (creation month, country) bucket already on the list;
    -- previous_count = the part already on the list at the end of the previous month
    select
        months.month_start as kpi_date,
        opted_in_by_month.country,
        opted_in_by_month.contact_count,
        case
            when opted_in_by_month.created_month < months.month_start
                then opted_in_by_month.contact_count
            else 0
        end as previous_count
    from months
    inner join opted_in_by_month
        on opted_in_by_month.created_month <= months.month_start
)

{{ kpi_observations('mailing_list_growth_rate', 'population',
                    numerator='sum(contact_count) - sum(previous_count)',
                    denominator='sum(previous_count)') }}
