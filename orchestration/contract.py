"""The landing contract (shared/spec/landing-contract.md) as data.

One place that knows every entity: its columns, their types, which are required, the key,
and whether it is append-only or carries tombstones. The loader, the generator, the raw
table DDL and the tests all read it; nothing else hard-codes an entity's shape.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Contract type -> DuckDB type of the typed raw column.
SQL_TYPES = {
    "str": "VARCHAR",
    "int": "BIGINT",
    "num": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "ts": "TIMESTAMP",  # local wall-clock time in the reporting time zone
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    required: bool = False


@dataclass(frozen=True)
class Entity:
    source: str
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    append_only: bool = False

    @property
    def path(self) -> str:
        """`<source>/<entity>`: the landing folder and the `entity` dimension member."""
        return f"{self.source}/{self.name}"

    @property
    def raw_table(self) -> str:
        """Name of the typed raw table in schema `raw`."""
        return f"{self.source}__{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    @property
    def has_tombstones(self) -> bool:
        return "is_deleted" in self.column_names

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


def _cols(spec: str) -> tuple[Column, ...]:
    """Parse 'name:type' tokens; a leading '!' marks a required column."""
    out = []
    for token in spec.split():
        name, typ = token.split(":")
        required = name.startswith("!")
        out.append(Column(name.lstrip("!"), typ, required))
    return tuple(out)


ENTITIES: tuple[Entity, ...] = (
    Entity("crm", "sales_reps", _cols(
        "!rep_id:str full_name:str email:str team:str business_unit:str manager_rep_id:str "
        "country:str hired_on:date left_on:date !updated_at:ts"), key=("rep_id",)),
    Entity("crm", "accounts", _cols(
        "!account_id:str !name:str country:str segment:str industry:str owner_rep_id:str "
        "lead_source:str erp_customer_id:str vat_number:str !created_at:ts !updated_at:ts "
        "is_deleted:bool"), key=("account_id",)),
    Entity("crm", "contacts", _cols(
        "!contact_id:str account_id:str first_name:str last_name:str job_title:str "
        "department:str email:str phone:str email_opt_in:bool !created_at:ts !updated_at:ts "
        "is_deleted:bool"), key=("contact_id",)),
    Entity("crm", "leads", _cols(
        "!lead_id:str !created_at:ts source:str country:str owner_rep_id:str status:str "
        "qualified_at:ts converted_at:ts converted_account_id:str !updated_at:ts "
        "is_deleted:bool"), key=("lead_id",)),
    Entity("crm", "opportunities", _cols(
        "!opportunity_id:str account_id:str owner_rep_id:str lead_id:str campaign_id:str "
        "lead_source:str product_range:str !stage:str amount:num probability:int "
        "!created_at:ts expected_close_date:date closed_at:ts lost_reason:str !updated_at:ts "
        "is_deleted:bool"), key=("opportunity_id",)),
    Entity("crm", "opportunity_stage_history", _cols(
        "!opportunity_id:str !stage:str !entered_at:ts"), append_only=True),
    Entity("crm", "activities", _cols(
        "!activity_id:str !activity_type:str owner_rep_id:str account_id:str contact_id:str "
        "opportunity_id:str due_at:ts completed_at:ts !status:str has_report:bool "
        "!updated_at:ts is_deleted:bool"), key=("activity_id",)),
    Entity("crm", "quotes", _cols(
        "!quote_id:str opportunity_id:str account_id:str owner_rep_id:str amount:num "
        "sent_at:ts follow_up_on:date !status:str !updated_at:ts is_deleted:bool"),
        key=("quote_id",)),
    Entity("crm", "action_plans", _cols(
        "!action_plan_id:str owner_rep_id:str account_id:str title:str starts_on:date "
        "due_on:date tasks_total:int tasks_done:int !status:str !updated_at:ts"),
        key=("action_plan_id",)),
    Entity("crm", "campaigns", _cols(
        "!campaign_id:str name:str channel:str starts_on:date ends_on:date cost:num "
        "!updated_at:ts"), key=("campaign_id",)),
    Entity("crm", "campaign_members", _cols(
        "!campaign_id:str !contact_id:str sent_at:ts opened_at:ts clicked_at:ts "
        "responded_at:ts unsubscribed_at:ts !updated_at:ts"), key=("campaign_id", "contact_id")),
    Entity("crm", "cases", _cols(
        "!case_id:str account_id:str contact_id:str channel:str reason:str priority:str "
        "is_complaint:bool !opened_at:ts first_response_at:ts closed_at:ts sla_due_at:ts "
        "agent_id:str !updated_at:ts is_deleted:bool"), key=("case_id",)),
    Entity("crm", "calls", _cols(
        "!call_id:str case_id:str agent_id:str !direction:str is_callback:bool !started_at:ts "
        "answered_at:ts ended_at:ts !updated_at:ts"), key=("call_id",)),
    Entity("erp", "customers", _cols(
        "!erp_customer_id:str crm_account_id:str name:str country:str vat_number:str "
        "created_at:ts !updated_at:ts"), key=("erp_customer_id",)),
    Entity("erp", "products", _cols(
        "!product_id:str name:str product_range:str category:str list_price:num unit_cost:num "
        "!updated_at:ts"), key=("product_id",)),
    Entity("erp", "orders", _cols(
        "!order_id:str !erp_customer_id:str rep_id:str channel:str !status:str !ordered_at:ts "
        "requested_delivery_on:date delivered_at:ts !updated_at:ts is_deleted:bool"),
        key=("order_id",)),
    Entity("erp", "order_lines", _cols(
        "!order_id:str !line_no:int product_id:str !quantity:num !unit_price:num "
        "discount_pct:num unit_cost:num !updated_at:ts"), key=("order_id", "line_no")),
    Entity("erp", "invoices", _cols(
        "!invoice_id:str order_id:str !erp_customer_id:str !invoice_type:str !invoiced_on:date "
        "due_on:date paid_on:date !amount_excl_tax:num tax_amount:num !updated_at:ts"),
        key=("invoice_id",)),
    Entity("erp", "projects", _cols(
        "!project_id:str !erp_customer_id:str name:str starts_on:date ends_on:date "
        "budget_amount:num status:str !updated_at:ts"), key=("project_id",)),
    Entity("erp", "timesheets", _cols(
        "!timesheet_id:str !project_id:str employee_id:str !work_date:date !hours:num "
        "is_billable:bool hourly_cost:num hourly_rate:num !updated_at:ts"), key=("timesheet_id",)),
    Entity("web", "sessions", _cols(
        "!session_id:str visitor_id:str contact_id:str !started_at:ts duration_s:int "
        "pageviews:int channel:str goal_completed:bool"), append_only=True),
    Entity("plan", "targets", _cols(
        "!period_month:date !scope:str !scope_id:str !kpi_code:str !target_value:num "
        "!updated_at:ts"), key=("period_month", "scope", "scope_id", "kpi_code")),
)

BY_PATH: dict[str, Entity] = {e.path: e for e in ENTITIES}


def entity(path: str) -> Entity:
    """Look up an entity by `<source>/<entity>`."""
    return BY_PATH[path]
