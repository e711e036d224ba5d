-- Level 3 (operational): live accounts belonging to a duplicate group (2 or more live accounts
-- with the same normalized name and country), with the account kept as reference (created
-- first, tie: smallest account_id). Rows with is_duplicate = true are those counted by
-- duplicate_accounts. Grain: one row per live account of a duplicate group.
with duplicates as (
    select * from {{ ref('int_account_duplicates') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

groups as (
    select
        name_key,
        country_key,
        min(case when duplicate_rank = 1 then account_id end) as reference_account_id
    from duplicates
    where duplicate_group_size > 1
    group by name_key, country_key
),

final as (
    select
        duplicates.name_key,
        duplicates.country_key,
        duplicates.account_id,
        duplicates.account_name,
        duplicates.country,
        accounts.owner_rep_id,
        duplicates.created_at,
        duplicates.duplicate_group_size,
        duplicates.duplicate_rank,
        duplicates.is_duplicate,
        groups.reference_account_id,
        {{ as_of_date() }} as as_of_date
    from duplicates
    inner join groups
        on groups.name_key = duplicates.name_key
        and groups.country_key = duplicates.country_key
    left join accounts on accounts.account_id = duplicates.account_id
)

select * from final
