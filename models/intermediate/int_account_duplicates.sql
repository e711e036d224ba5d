-- Grain: one row per live account. Duplicate groups of kpis.yml duplicate_accounts: live
-- accounts grouped by (name_key, country_key) where name_key = lower(name) with every
-- character that is not a Unicode letter or digit removed (accents kept) and country_key =
-- coalesce(country, ''). Inside a group, accounts are ranked by creation instant, then
-- account_id; every account but the first is a duplicate (sum = sum over groups of size - 1).
with accounts as (
    select * from {{ ref('stg_crm__accounts') }}
),

keyed as (
    select
        account_id,
        name as account_name,
        country,
        created_at,
        created_at_utc,
        {{ letters_and_digits_only('lower(name)') }} as name_key,
        coalesce(country, '') as country_key
    from accounts
),

ranked as (
    select
        account_id,
        account_name,
        country,
        created_at,
        name_key,
        country_key,
        count(*) over (partition by name_key, country_key) as duplicate_group_size,
        row_number() over (
            partition by name_key, country_key
            order by created_at_utc, {{ order_by_codepoint('account_id') }}
        ) as duplicate_rank
    from keyed
)

select
    ranked.*,
    duplicate_rank > 1 as is_duplicate
from ranked
