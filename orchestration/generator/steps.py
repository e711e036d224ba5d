"""The generation steps in dependency order; each returns the frames it completed."""
from __future__ import annotations

from .accounts import accounts_frame, build_accounts
from .activities import build_action_plans, build_activities
from .catalog import build_products
from .contacts import build_contacts
from .customers import build_customers
from .invoices import build_invoices
from .leads import draft_leads, leads_frame
from .marketing import build_campaign_members, build_campaigns
from .org import build_org
from .orders import build_orders
from .pipeline import build_opportunities
from .projects import build_projects
from .quotes import build_quotes
from .service import build_calls, build_cases
from .targets import build_targets
from .web import build_sessions
from .world import World


def _org(w: World):
    build_org(w)
    return [w.frames["crm/sales_reps"]]


def _prospects(w: World):
    draft_leads(w)
    build_accounts(w)
    return [leads_frame(w)]


def _customers(w: World):
    customers = build_customers(w)
    return [customers, accounts_frame(w, w.facts["account_erp_customer_id"])]


STEPS = [
    ("crm/sales_reps", _org),
    ("erp/products", lambda w: [build_products(w)]),
    ("crm/leads", _prospects),
    ("crm/contacts", lambda w: [build_contacts(w)]),
    ("crm/campaigns", lambda w: [build_campaigns(w)]),
    ("crm/campaign_members", lambda w: [build_campaign_members(w)]),
    ("crm/opportunities", lambda w: list(build_opportunities(w))),
    ("crm/quotes", lambda w: [build_quotes(w)]),
    ("crm/activities", lambda w: [build_activities(w)]),
    ("crm/action_plans", lambda w: [build_action_plans(w)]),
    ("erp/customers", _customers),
    ("erp/orders", lambda w: list(build_orders(w))),
    ("erp/invoices", lambda w: [build_invoices(w)]),
    ("crm/cases", lambda w: [build_cases(w)]),
    ("crm/calls", lambda w: [build_calls(w)]),
    ("erp/projects", lambda w: list(build_projects(w))),
    ("web/sessions", lambda w: [build_sessions(w)]),
    ("plan/targets", lambda w: [build_targets(w)]),
]
