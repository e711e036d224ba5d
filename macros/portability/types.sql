{#- 64-bit floating point on every engine (dbt's type_float() is a 32-bit FLOAT on DuckDB). -#}
{% macro double_type() -%}
    {{ return(adapter.dispatch('double_type', 'pilotage')()) }}
{%- endmacro %}

{% macro default__double_type() -%}double{%- endmacro %}

{% macro postgres__double_type() -%}double precision{%- endmacro %}
