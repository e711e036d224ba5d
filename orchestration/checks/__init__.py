"""Data-quality checks: `rules` (plain functions on a DuckDB connection), `asset_checks` (their
Dagster asset checks) and `config` (config/pilotage.yml thresholds and severities)."""
