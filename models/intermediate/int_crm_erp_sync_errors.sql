-- Grain: one row per CRM-ERP synchronisation error (kpis.yml crm_erp_sync_errors):
--   erp_customer_unlinked  an ERP customer of erp/customers linked to no live account
--                          (one row per erp_customer_id)
--   crm_link_broken        a live account whose erp_customer_id is not NULL and names no ERP
--                          customer of erp/customers (one row per account_id)
--   country_mismatch       a linked (ERP customer, live account) pair whose countries are both
--                          not NULL and differ (one row per erp_customer_id)
with links as (
    select * from {{ ref('int_erp_customer_links') }}
),

erp_customers as (
    select * from {{ ref('stg_erp__customers') }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

unlinked as (
    select
        'erp_customer_unlinked' as sync_error_type,
        links.erp_customer_id,
        cast(null as {{ dbt.type_string() }}) as account_id,
        links.crm_account_id,
        erp_customers.name as erp_customer_name,
        cast(null as {{ dbt.type_string() }}) as account_name,
        links.erp_country,
        cast(null as {{ dbt.type_string() }}) as account_country,
        cast(null as {{ dbt.type_string() }}) as owner_rep_id
    from links
    inner join erp_customers on erp_customers.erp_customer_id = links.erp_customer_id
    where links.account_id is null
),

broken as (
    select
        'crm_link_broken' as sync_error_type,
        accounts.erp_customer_id,
        accounts.account_id,
        cast(null as {{ dbt.type_string() }}) as crm_account_id,
        cast(null as {{ dbt.type_string() }}) as erp_customer_name,
        accounts.account_name,
        cast(null as {{ dbt.type_string() }}) as erp_country,
        accounts.country as account_country,
        accounts.owner_rep_id
    from accounts
    left join erp_customers on erp_customers.erp_customer_id = accounts.erp_customer_id
    where accounts.erp_customer_id is not null
      and erp_customers.erp_customer_id is null
),

mismatched as (
    select
        'country_mismatch' as sync_error_type,
        links.erp_customer_id,
        accounts.account_id,
        links.crm_account_id,
        erp_customers.name as erp_customer_name,
        accounts.account_name,
        links.erp_country,
        accounts.country as account_country,
        accounts.owner_rep_id
    from links
    inner join erp_customers on erp_customers.erp_customer_id = links.erp_customer_id
    inner join accounts on accounts.account_id = links.account_id
    where links.erp_country is not null
      and accounts.country is not null
      and links.erp_country <> accounts.country
)

select * from unlinked
union all
select * from broken
union all
select * from mismatched
