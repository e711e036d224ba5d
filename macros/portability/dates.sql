{#- Date helpers that return DATE on every engine (PostgreSQL's date_trunc returns a
    timestamp, DuckDB's a date). -#}

{% macro as_of_date() -%}
    {%- set value = run_parameter('as_of') -%}
    {%- if value -%}
        cast('{{ value }}' as date)
    {%- else -%}
        current_date
    {%- endif -%}
{%- endmacro %}

{% macro period_start(grain, date_expression) -%}
    cast({{ dbt.date_trunc(grain, date_expression) }} as date)
{%- endmacro %}

{% macro add_days(date_expression, days) -%}
    cast({{ dbt.dateadd('day', days, date_expression) }} as date)
{%- endmacro %}

{% macro period_end(grain, period_start_expression) -%}
    {#- last day of the period that starts at period_start_expression -#}
    {#- PostgreSQL has no `interval '1 quarter'`: a quarter is three months everywhere -#}
    {%- set next_start = dbt.dateadd('month', 3, period_start_expression) if grain == 'quarter'
                         else dbt.dateadd(grain, 1, period_start_expression) -%}
    cast({{ dbt.dateadd('day', -1, next_start) }} as date)
{%- endmacro %}

{% macro days_between(start_date, end_date) -%}
    {#- integer difference of two local dates -#}
    {{ dbt.datediff(start_date, end_date, 'day') }}
{%- endmacro %}

{% macro seconds_between(start_ts, end_ts) -%}
    {#- real elapsed seconds between two instants (pass the *_utc columns) -#}
    {{ return(adapter.dispatch('seconds_between', 'pilotage')(start_ts, end_ts)) }}
{%- endmacro %}

{% macro default__seconds_between(start_ts, end_ts) -%}
    ({{ dbt.datediff(start_ts, end_ts, 'second') }})
{%- endmacro %}

{% macro duckdb__seconds_between(start_ts, end_ts) -%}
    (epoch({{ end_ts }}) - epoch({{ start_ts }}))
{%- endmacro %}

{% macro postgres__seconds_between(start_ts, end_ts) -%}
    (extract(epoch from ({{ end_ts }})) - extract(epoch from ({{ start_ts }})))
{%- endmacro %}

{% macro spark__seconds_between(start_ts, end_ts) -%}
    {#- microseconds, like DuckDB's epoch() (unix_timestamp() drops fractions of a second);
        the loader's naive timestamps read as TIMESTAMP_NTZ, cast in the UTC session zone -#}
    ((unix_micros(cast({{ end_ts }} as timestamp)) - unix_micros(cast({{ start_ts }} as timestamp))) / 1e6)
{%- endmacro %}
