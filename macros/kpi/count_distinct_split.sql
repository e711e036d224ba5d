{#- count(distinct key) over the rows where `condition` holds, computed as the rows whose key
    occurs only once in the population (`only_flag`, no distinct needed) plus the distinct keys
    of the other rows. Exact when only_flag is true exactly for the rows whose non-NULL key has
    no other row; DuckDB then keeps a distinct set only for the repeated keys. -#}
{% macro count_distinct_split(key, only_flag, condition='true') -%}
    (count(case when {{ only_flag }} and ({{ condition }}) then 1 end)
     + count(distinct case when not {{ only_flag }} and ({{ condition }}) then {{ key }} end))
{%- endmacro %}
