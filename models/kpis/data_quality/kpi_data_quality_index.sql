-- data_quality_index (snapshot): 100 * mean of the DEFINED components over live contacts
-- (a component whose denominator is 0 is undefined and left out of the mean):
--   completeness = filled fields / (6 * contacts)                 (contact_completeness_rate)
--   validity     = (valid non-empty e-mails + valid non-empty phones)
--                  / (non-empty e-mails + non-empty phones)
--                  e-mail valid: trimmed value matches ^[^@\s]+@[^@\s]+\.[^@\s]+$
--                  phone valid: without spaces, dots, dashes, parentheses, matches ^\+?[0-9]{9,15}$
--   uniqueness   = 1 - duplicate_contacts / contacts
--   freshness    = share of contacts whose updated_at local date is at most 365 days before as_of
-- numerator = sum of the defined components, denominator = number of defined components.
{%- set fields = ['first_name', 'last_name', 'job_title', 'department', 'email', 'phone'] %}
{%- set email_pattern = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' %}
{%- set phone_pattern = '^\\+?[0-9]{9,15}$' %}
{%- set components = [
    'cast(sum(filled_fields) as ' ~ double_type() ~ ') / nullif(6 * count(*), 0)',
    'cast(sum(is_valid_email) + sum(is_valid_phone) as ' ~ double_type() ~ ') / nullif(sum(has_email) + sum(has_phone), 0)',
    '1 - cast(sum(is_duplicate) as ' ~ double_type() ~ ') / nullif(count(*), 0)',
    'cast(sum(is_fresh) as ' ~ double_type() ~ ') / nullif(count(*), 0)',
] %}
with contacts as (
    select * from {{ ref('int_contacts') }}
),

duplicates as (
    select * from {{ ref('int_contact_duplicates') }}
),

normalized as (
    select
        contacts.contact_id,
        contacts.email,
        replace(replace(replace(replace(replace(contacts.phone, ' ', ''), '.', ''), '-', ''), '(', ''), ')', '') as phone_digits,
        {% for field in fields -%}
        case when contacts.{{ field }} is not null then 1 else 0 end{{ ' +' if not loop.last }}
        {% endfor -%}
        as filled_fields,
        case when duplicates.is_duplicate = true then 1 else 0 end as is_duplicate,
        case
            when {{ days_between('contacts.updated_on', as_of_date()) }} <= 365 then 1 else 0
        end as is_fresh
    from contacts
    left join duplicates on duplicates.contact_id = contacts.contact_id
),

population as (
    select
        contact_id,
        filled_fields,
        is_duplicate,
        is_fresh,
        case when email is not null then 1 else 0 end as has_email,
        case when phone_digits is not null then 1 else 0 end as has_phone,
        case when {{ regex_matches('email', email_pattern) }} then 1 else 0 end as is_valid_email,
        case when {{ regex_matches('phone_digits', phone_pattern) }} then 1 else 0 end as is_valid_phone
    from normalized
)

{%- set numerator -%}
    {%- for component in components -%}
    coalesce({{ component }}, 0){{ ' + ' if not loop.last }}
    {%- endfor -%}
{%- endset %}
{%- set denominator -%}
    {%- for component in components -%}
    (case when {{ component }} is not null then 1 else 0 end){{ ' + ' if not loop.last }}
    {%- endfor -%}
{%- endset %}

{{ kpi_observations('data_quality_index', 'population',
                    numerator=numerator, denominator=denominator,
                    value='100 * numerator / nullif(denominator, 0)') }}
