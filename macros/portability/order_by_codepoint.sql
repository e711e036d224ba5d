{#- Sort strings by code point whatever the database collation (file-name tie-break). -#}
{% macro order_by_codepoint(expression) -%}
    {{ return(adapter.dispatch('order_by_codepoint', 'pilotage')(expression)) }}
{%- endmacro %}

{% macro default__order_by_codepoint(expression) -%}
    {{ expression }}
{%- endmacro %}

{% macro postgres__order_by_codepoint(expression) -%}
    {{ expression }} collate "C"
{%- endmacro %}
