{#- A composite key is unique: no two rows share the same values of `columns`. On a run that
    merged the model, only the keys it rewrote are checked (rewritten_keys_filter). -#}
{% test unique_key(model, columns) %}
    {%- set rewritten = rewritten_keys_filter(model, columns) %}
    select {{ columns | join(', ') }}, count(*) as occurrences
    from {{ model }}
    {%- if rewritten %}
    where {{ rewritten }}
    {%- endif %}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{% endtest %}

{#- dbt's `unique` test (the same SQL), with the same restriction on a merging run. -#}
{% macro default__test_unique(model, column_name) %}
    {%- set rewritten = rewritten_keys_filter(model, [column_name]) %}
    select {{ column_name }} as unique_field, count(*) as n_records
    from {{ model }}
    where {{ column_name }} is not null
    {%- if rewritten %}
        and {{ rewritten }}
    {%- endif %}
    group by {{ column_name }}
    having count(*) > 1
{% endmacro %}
