-- quarantined_rows (snapshot): rows of audit.quarantine over every landing file read so far
-- (a file rejected whole is one row), by entity = '<source>/<entity>'.
with quarantine as (
    select * from {{ source('audit', 'quarantine') }}
),

population as (
    select
        {{ dbt.concat(['source', "'/'", 'entity']) }} as entity,
        line_number
    from quarantine
)

{{ kpi_observations('quarantined_rows', 'population', numerator='count(*)') }}
