-- Grain: one row per KPI of the data_quality module x period_grain x period_start x dimension x
-- dimension_value (the rows of its KPI models, inlined). A table, built in parallel with the other
-- modules' (macros/kpi/kpi_module_observations.sql); marts.kpi_observations unions them.
{{ config(materialized='table') }}

{{ kpi_module_observations('data_quality') }}
