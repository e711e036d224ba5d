-- Level 3 (operational): live contacts with at least one of the six completeness fields empty
-- (NULL or blank after trimming), with one flag per field (no field value is exported).
-- Grain: one row per incomplete live contact.
{%- set fields = ['first_name', 'last_name', 'job_title', 'department', 'email', 'phone'] %}
with contacts as (
    select * from {{ ref('int_contacts') }}
),

flagged as (
    select
        contact_id,
        account_id,
        account_country,
        account_owner_rep_id,
        {%- for field in fields %}
        {{ field }} is null as is_missing_{{ field }},
        {%- endfor %}
        {% for field in fields -%}
        case when {{ field }} is null then 1 else 0 end{{ ' +' if not loop.last }}
        {% endfor -%}
        as missing_fields,
        email is null and phone is null as is_unreachable,
        updated_on,
        {{ as_of_date() }} as as_of_date
    from contacts
)

select * from flagged
where missing_fields > 0
