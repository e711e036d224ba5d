-- Grain: one row per KPI of the digital module x period_grain x period_start x dimension x
-- dimension_value (the rows of its KPI models, inlined). A table, built in parallel with the other
-- modules' (macros/kpi/kpi_module_observations.sql); marts.kpi_observations unions them.
-- Nightly: rebuilds only the periods the delta's records are dated in and the periods a move
-- of as_of reaches (declaration `kpi_periods_digital`, macros/incremental/merge_declarations.sql);
-- every other period's rows are kept.
{%- set merge = merge_declaration('kpi_periods_digital') %}
{{ config(**merge_config(**merge)) }}

{{ kpi_module_observations('digital', merge) }}
