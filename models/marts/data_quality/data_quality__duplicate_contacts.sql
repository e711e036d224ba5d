-- Level 3 (operational): live contacts belonging to a duplicate e-mail group (2 or more live
-- contacts sharing lower(trim(email))), with the contact kept as reference (created first,
-- tie: smallest contact_id). Rows with is_duplicate = true are those counted by
-- duplicate_contacts (and alerted as duplicate_contact).
-- Grain: one row per live contact of a duplicate group.
with duplicates as (
    select * from {{ ref('int_contact_duplicates') }}
),

groups as (
    select
        email_key,
        min(case when duplicate_rank = 1 then contact_id end) as reference_contact_id
    from duplicates
    where duplicate_group_size > 1
    group by email_key
),

final as (
    select
        duplicates.email_key,
        duplicates.contact_id,
        duplicates.account_id,
        duplicates.created_at,
        duplicates.duplicate_group_size,
        duplicates.duplicate_rank,
        duplicates.is_duplicate,
        groups.reference_contact_id,
        {{ as_of_date() }} as as_of_date
    from duplicates
    inner join groups on groups.email_key = duplicates.email_key
)

select * from final
