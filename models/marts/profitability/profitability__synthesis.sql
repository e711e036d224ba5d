-- Level 1: the profitability module's level-1 KPIs, total member, last 13 months.
{{ module_synthesis('profitability') }}
