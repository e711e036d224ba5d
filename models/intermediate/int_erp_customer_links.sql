{%- set touched = {'erp_customer_id': ['erp__customers', 'erp__orders', 'erp__invoices', 'erp__projects']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the ERP customer ids named by the records a delta touches, in any version
-- (macros/incremental/merge_touched.sql).
-- Grain: one row per ERP customer id known to the ERP (erp/customers) or used by a live
-- order, invoice or project. account_id is the live CRM account it belongs to, NULL when
-- unlinked (landing contract, "Linking CRM and ERP"):
--   crm_account_id not NULL -> it alone decides (a missing or tombstoned account = unlinked);
--   crm_account_id NULL (or the customer is absent from erp/customers) -> the live account
--   whose erp_customer_id names it (the smallest account_id if several do).
with customers as (
    select * from {{ ref('stg_erp__customers') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

referenced_ids as (
    select erp_customer_id from customers
    union
    select erp_customer_id from {{ ref('stg_erp__orders') }}
    union
    select erp_customer_id from {{ ref('stg_erp__invoices') }}
    union
    select erp_customer_id from {{ ref('stg_erp__projects') }}
),

accounts_naming_a_customer as (
    -- smallest account_id in code-point order (collation-independent on every engine)
    select erp_customer_id, account_id
    from (
        select
            erp_customer_id,
            account_id,
            row_number() over (
                partition by erp_customer_id
                order by {{ order_by_codepoint('account_id') }}
            ) as account_rank
        from accounts
        where erp_customer_id is not null
    ) as ranked_accounts
    where account_rank = 1
),

links as (
    select
        referenced_ids.erp_customer_id,
        customers.erp_customer_id is not null as is_in_erp,
        customers.crm_account_id,
        customers.country as erp_country,
        case
            when customers.crm_account_id is not null then named_account.account_id
            else accounts_naming_a_customer.account_id
        end as account_id
    from referenced_ids
    left join customers
        on customers.erp_customer_id = referenced_ids.erp_customer_id
    left join accounts as named_account
        on named_account.account_id = customers.crm_account_id
    left join accounts_naming_a_customer
        on accounts_naming_a_customer.erp_customer_id = referenced_ids.erp_customer_id
    where referenced_ids.erp_customer_id is not null
),

touched_links as (
    select * from links
    {{- where_touched(touched) }}
)

select * from touched_links
