-- Level 2: web KPIs by web channel. Grain: one row per month x web_channel.
{{ kpi_wide(['web_sessions', 'pageviews', 'avg_session_duration_s', 'goal_completion_rate'],
            'web_channel', 'month') }}
