"""Suite `sanity.marketing`: the campaign and CRM marketing KPIs of marts.kpi_observations."""
from orchestration.recette.rules import NON_NEGATIVE, SHARE, Kpi

MODULE = "marketing"

CAMPAIGN = ("campaign", "campaign_channel")

KPIS = {
    "campaigns_active": Kpi(
        bounds=NON_NEGATIVE, additive=("campaign_channel",),
        why="not time-additive: a campaign active in two months counts once in their quarter"),
    "campaign_messages_sent": Kpi(bounds=NON_NEGATIVE, additive=CAMPAIGN, time_additive=True),
    "campaign_responses": Kpi(bounds=NON_NEGATIVE, additive=CAMPAIGN, time_additive=True),
    "campaign_response_rate": Kpi(bounds=SHARE),
    "campaign_won_deals": Kpi(bounds=NON_NEGATIVE, additive=CAMPAIGN, time_additive=True),
    "campaign_revenue": Kpi(clean_bounds=NON_NEGATIVE, additive=CAMPAIGN, time_additive=True),
    "campaign_new_customers": Kpi(bounds=NON_NEGATIVE, additive=("campaign",), time_additive=True),
    "campaign_roi": Kpi(
        clean_bounds=(-1.0, None), why="a return, not a share: >= -1 while amounts are >= 0"),
    "mailing_list_size": Kpi(
        bounds=NON_NEGATIVE, additive=("country",), why="a month-end stock: no time sum"),
    "mailing_list_growth_rate": Kpi(
        bounds=(-1.0, None), why="a growth rate: a list cannot shrink by more than itself"),
}
