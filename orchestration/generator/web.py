"""web/sessions (append-only): visits of the website by channel, any day and hour, exported
by the analytics tool in UTC (`Z`). Returning visitors share a visitor_id; logged-in visitors
carry their contact_id. Bounces have one page view; goals complete more often on engaged
visits and from e-mail traffic."""
from __future__ import annotations

import numpy as np
import pyarrow as pa

from ..contract import entity
from .calendar import DAY, web_seconds
from .frame import NULL_INT, Frame
from .reference import WEB_CHANNEL_WEIGHTS, WEB_CHANNELS, WEB_GOAL_RATE
from .text import ids, null_where, pick
from .world import World, lognormal


def build_sessions(world: World) -> Frame:
    rng = world.rng("sessions")
    cal, con = world.cal, world.facts["contacts"]
    n = world.volume("sessions")
    day = cal.sample_days(rng, n, hi=cal.end_day, kind="web")
    started = np.sort(day * DAY + web_seconds(rng, n))
    channel = rng.choice(len(WEB_CHANNELS), size=n, p=WEB_CHANNEL_WEIGHTS)
    n_visitors = max(50, round(0.45 * n))
    visitor = (n_visitors * rng.random(n) ** 1.6).astype(np.int64)
    with_email = np.flatnonzero(con.has_email & (con.account >= 0))
    n_ident = min(len(with_email), round(0.05 * n_visitors))
    contact_of = with_email[rng.permutation(len(with_email))[:n_ident]] if n_ident else np.array([], dtype=np.int64)
    logged = (visitor < n_ident) & (rng.random(n) < 0.7)
    contact = np.where(logged, contact_of[np.minimum(visitor, max(n_ident - 1, 0))] if n_ident else -1, -1)
    contact = np.where(logged & (con.created[np.maximum(contact, 0)] <= started), contact, -1)
    pageviews = rng.geometric(0.35, n)
    bounce = (pageviews == 1) & (rng.random(n) < 0.6)
    duration = np.where(bounce, 0, np.round(pageviews * lognormal(rng, 45.0, 0.8, n))).astype(np.int64)
    duration = np.where(rng.random(n) < 0.02, NULL_INT, duration)
    p_goal = np.array(WEB_GOAL_RATE)[channel] * np.where(pageviews >= 3, 2.0, 0.4)
    goal = rng.random(n) < p_goal
    frame = Frame(entity("web/sessions"), {
        "session_id": ids("WS-", np.arange(1, n + 1), 10),
        "visitor_id": null_where(ids("V-", visitor + 1, 8), rng.random(n) < 0.05),
        "contact_id": con.ids.take(pa.array(np.maximum(contact, 0), mask=contact < 0)),
        "started_at": started,
        "duration_s": duration,
        "pageviews": pageviews.astype(np.int64),
        "channel": pick(WEB_CHANNELS, channel),
        "goal_completed": goal.astype(np.int8),
    })
    return world.put(frame)
