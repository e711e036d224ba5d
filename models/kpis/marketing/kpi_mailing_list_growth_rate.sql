-- mailing_list_growth_rate: (mailing_list_size(m) - mailing_list_size(m-1)) /
-- mailing_list_size(m-1), month grain. Same rows as mailing_list_size; NULL where the list
-- was empty at the end of m-1 (first month of the list or of a country).
with mailing_list as (
    select * from {{ ref('int_mailing_list_months') }}
),

population as (
    select
        month_start as kpi_date,
        country,
        contact_count,
        previous_count
    from mailing_list
)

{{ kpi_observations('mailing_list_growth_rate', 'population',
                    numerator='sum(contact_count) - sum(previous_count)',
                    denominator='sum(previous_count)') }}
