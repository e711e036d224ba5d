-- data_freshness_days (snapshot): average days between the updated_at local date and as_of
-- over live accounts and live contacts taken together.
with accounts as (
    select * from {{ ref('int_accounts') }}
),

contacts as (
    select * from {{ ref('int_contacts') }}
),

records as (
    select updated_on from accounts
    union all
    select updated_on from contacts
),

population as (
    select
        {{ days_between('updated_on', as_of_date()) }} as age_days
    from records
)

{{ kpi_observations('data_freshness_days', 'population',
                    numerator='sum(age_days)', denominator='count(age_days)') }}
