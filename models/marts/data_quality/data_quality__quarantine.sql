-- Level 3 (operational): quarantined landing rows and rejected files (audit.quarantine), the
-- rows counted by quarantined_rows, WITHOUT raw_line: the raw text may hold personal data
-- (names, e-mails, phones) and stays in audit.quarantine for the data team.
-- Grain: one row per quarantine entry (a row, or a file rejected whole: line_number NULL).
with quarantine as (
    select * from {{ source('audit', 'quarantine') }}
),

load_audit as (
    select * from {{ source('audit', 'load_audit') }}
),

final as (
    select
        quarantine.source,
        quarantine.entity,
        {{ dbt.concat(['quarantine.source', "'/'", 'quarantine.entity']) }} as entity_path,
        quarantine.file,
        quarantine.line_number,
        quarantine.line_number is null as is_file_rejected,
        quarantine.reason,
        load_audit.loaded_at
    from quarantine
    left join load_audit on load_audit.file = quarantine.file
)

select * from final
