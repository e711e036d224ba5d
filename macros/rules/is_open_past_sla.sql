{#- A case is open past its SLA as of as_of: not closed, and the local date of its SLA deadline
    on or before as_of, i.e. due before the end of the as_of local day (kpis.yml
    open_cases_past_sla, alert case_past_sla). Over int_service_cases' columns (`closed_at`,
    `sla_due_on`, prefixed by `relation.` when given). Not a column of int_service_cases: that
    model then does not read as_of, and a night that only moves as_of keeps or merges it. -#}
{% macro is_open_past_sla(relation=none) -%}
    {%- set p = relation ~ '.' if relation else '' -%}
    coalesce({{ p }}closed_at is null and {{ p }}sla_due_on <= {{ as_of_date() }}, false)
{%- endmacro %}
