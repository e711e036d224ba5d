{#- count(distinct key) over the rows where `condition` holds, computed as the rows whose key
    occurs only once in the population (`only_flag`, no distinct needed) plus the distinct keys
    of the other rows. Exact when only_flag is true exactly for the rows whose non-NULL key has
    no other row; DuckDB then keeps a distinct set only for the repeated keys.
    `weight`: on a population of cells (kpi_month_cells) whose only_flag rows are summed into a
    count column, that column (the only_flag rows are then counted with sum(weight)). -#}
{% macro count_distinct_split(key, only_flag, condition='true', weight=none) -%}
    {%- if weight -%}
    (sum(case when {{ only_flag }} and ({{ condition }}) then {{ weight }} else 0 end)
    {%- else -%}
    (count(case when {{ only_flag }} and ({{ condition }}) then 1 end)
    {%- endif %}
     + count(distinct case when not {{ only_flag }} and ({{ condition }}) then {{ key }} end))
{%- endmacro %}
