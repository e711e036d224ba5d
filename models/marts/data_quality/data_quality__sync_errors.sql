-- Level 3 (operational): every CRM-ERP sync error counted by crm_erp_sync_errors, with the
-- ERP and CRM sides of the link. Grain: one row per sync error (erp_customer_unlinked and
-- country_mismatch: per ERP customer; crm_link_broken: per account).
with sync_errors as (
    select * from {{ ref('int_crm_erp_sync_errors') }}
),

final as (
    select
        sync_error_type,
        erp_customer_id,
        erp_customer_name,
        erp_country,
        crm_account_id,
        account_id,
        account_name,
        account_country,
        owner_rep_id,
        {{ as_of_date() }} as as_of_date
    from sync_errors
)

select * from final
