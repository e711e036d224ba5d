-- duplicate_accounts (snapshot): live accounts grouped by (lower(name) with every character
-- that is not a Unicode letter or digit removed, accents kept; coalesce(country, '')): sum
-- over groups of (size - 1) = number of accounts that are not the first of their group.
with duplicates as (
    select * from {{ ref('int_account_duplicates') }}
),

population as (
    select
        account_id,
        case when is_duplicate = true then 1 else 0 end as is_duplicate
    from duplicates
)

{{ kpi_observations('duplicate_accounts', 'population', numerator='sum(is_duplicate)') }}
