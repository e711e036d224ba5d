-- mailing_list_size: at each month end, live contacts with email_opt_in = true and
-- created_at local date <= month end; one row per month from the month of the first such
-- contact to the as_of month (per country: from that country's first one). Country = the
-- contact's live account country. The buckets come from int_mailing_list_months.
with mailing_list as (
    select * from {{ ref('int_mailing_list_months') }}
),

population as (
    select
        month_start as kpi_date,
        country,
        contact_count
    from mailing_list
)

{{ kpi_observations('mailing_list_size', 'population', numerator='sum(contact_count)') }}
