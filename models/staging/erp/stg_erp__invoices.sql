{{ config(**staging_config('erp__invoices')) }}
-- Grain: one row per invoice_id — the current version of each record of landing `erp/invoices`.

with source as (
    select * from {{ source('raw', 'erp__invoices') }}
    {{- where_touched_by_delta('erp__invoices') }}
),

current_versions as (
    {{ latest_version('source', raw_table_keys('erp__invoices')) }}
)

select
        invoice_id,
        order_id,
        erp_customer_id,
        invoice_type,
        invoiced_on,
        due_on,
        paid_on,
        amount_excl_tax,
        tax_amount,
        updated_at,
        updated_at_utc
from current_versions
