{%- set merge = merge_declaration('invoices') %}
{{ config(**merge_config(**merge)) }}
-- Nightly: merges the invoices a delta touches (declaration `invoices`,
-- macros/incremental/merge_declarations.sql).
-- Level 3: every live invoice and credit note with its account, its rep and its signed
-- revenue. Grain: one row per live invoice.
with invoices as (
    select * from {{ ref('int_invoices') }}
    {{- where_touched(merge.touched) }}
),

accounts as (
    select * from {{ ref('int_accounts') }}
),

final as (
    select
        invoices.invoice_id,
        invoices.invoice_type,
        invoices.invoiced_on,
        {{ period_start('month', 'invoices.invoiced_on') }} as invoiced_month,
        invoices.order_id,
        invoices.erp_customer_id,
        invoices.account_id,
        accounts.account_name,
        invoices.account_country,
        invoices.account_segment,
        invoices.rep_id,
        invoices.rep_team,
        invoices.rep_business_unit,
        invoices.amount_excl_tax,
        invoices.invoiced_revenue,
        invoices.account_id is null as is_unlinked
    from invoices
    left join accounts on accounts.account_id = invoices.account_id
)

select * from final
