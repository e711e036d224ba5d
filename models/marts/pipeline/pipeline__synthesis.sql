-- Level 1: the pipeline module's level-1 KPIs, total member, last 13 months + latest snapshot.
{{ module_synthesis('pipeline') }}
