-- Level 2 (advanced): CRM-ERP sync errors by error type, one set per as_of snapshot.
-- Grain: one row per period_start x sync_error_type member (period_grain as_of).
{{ kpi_wide(['crm_erp_sync_errors'], 'sync_error_type', 'as_of') }}
