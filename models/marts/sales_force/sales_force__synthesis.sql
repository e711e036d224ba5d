-- Level 1: the sales_force module's level-1 KPIs, total member, last 13 months + latest snapshot.
{{ module_synthesis('sales_force') }}
