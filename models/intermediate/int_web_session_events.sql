-- Grain: one row per distinct event of web/sessions (stg_web__sessions), with
-- is_only_event: the row is the only event of its session_id. The session KPIs count
-- distinct sessions as count(rows that are the only event of their session) + count(distinct
-- session_id of the others) (macro count_distinct_split): exact, and DuckDB keeps a distinct
-- set only for the few sessions with several events (web_sessions 15 s -> 2.6 s at scale 30).
{%- set touched = {'session_id': ['web__sessions']} %}
{{ config(**merge_config(touched)) }}
-- Nightly: merges the sessions a delta of web/sessions touches: a new event of a session
-- changes is_only_event of that session's rows only (macros/incremental/merge_touched.sql).
with sessions as (
    select * from {{ ref('stg_web__sessions') }}
    {{- where_touched(touched) }}
)

select
    session_id,
    cast(started_at as date) as started_on,
    channel,
    goal_completed,
    session_id is not null and count(*) over (partition by session_id) = 1 as is_only_event
from sessions
