-- Level 1: the marketing module's level-1 KPIs, total member, last 13 months + latest snapshot.
{{ module_synthesis('marketing') }}
