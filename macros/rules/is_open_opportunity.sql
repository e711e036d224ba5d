{#- An opportunity is open as of as_of: not closed (won or lost) and created on or before
    as_of (kpis.yml open_opportunities, pipeline_forecast, weighted_pipeline,
    open_pipeline_amount; the pipeline alerts). Over int_opportunities' columns (`stage`,
    `created_on`, prefixed by `relation.` when given). Not a column of int_opportunities: that
    model then does not read as_of, and a night that only moves as_of keeps or merges it. -#}
{% macro is_open_opportunity(relation=none) -%}
    {%- set p = relation ~ '.' if relation else '' -%}
    coalesce({{ p }}stage not in ('closed_won', 'closed_lost') and {{ p }}created_on <= {{ as_of_date() }}, false)
{%- endmacro %}
