{#- The merge declarations (merge_touched.sql) that several models share: a model and the
    models built on it merge the same rows, so they must declare the same thing. Use:
        {%- set merge = merge_declaration('orders') %}
        {{ config(**merge_config(**merge)) }}
        ... {{ where_touched(merge.touched, merge.through) }}

    orders              int_orders, int_valid_order_lines, int_valid_order_ranges,
                        int_valid_orders: an order's row changes with the order and its lines.
                        New invoices and projects only add link rows for ERP customer ids
                        (int_erp_customer_links): the link of an order already there is unchanged.
    invoices            int_invoices, management__invoices: an invoice's row changes with the
                        invoice and with its order (the order decides the rep). Order lines
                        change no order's rep; new orders and projects only add link rows.
    project_timesheets  int_project_timesheets, profitability__timesheets: a timesheet's row
                        changes with the timesheet and its project. New orders and invoices
                        only add link rows: the link of a project already there is unchanged.
    customer_orders     management__orders: an order's row changes with the order and its
                        lines, and whether it is its customer's first valid order with any
                        order of that customer (account, through the ERP customer links; the
                        account an order leaves is touched too). Invoices and projects as for
                        `orders`.
    first_valid_orders  int_customer_first_valid_orders, int_customer_order_dates: a
                        customer's first valid order and order dates change with the customer's
                        orders only (their date, status, account), never with their lines.
    opportunity_intervals  int_opportunity_stage_intervals, pipeline__stage_intervals: an
                        interval row changes with its opportunity's stage-history events, with
                        whether the opportunity is live and with its attributes (owner, team,
                        stage, range: int_opportunities, itself merged on opportunity_id).
    order_months        int_valid_order_month_cells, int_valid_order_range_month_cells: the
                        cells of a month change with the orders ordered in it and their
                        lines, so a night rebuilds the months of every loaded version of
                        the orders it touches (an order moved to another month, or deleted,
                        leaves its old month too) and keeps every other month's cells.
                        Invoices and projects as for `orders`.
    kpi_periods_profitability  kpi_observations_profitability: a period's rows change with
                        the timesheets dated in it and their project (its ERP customer, so
                        its segment): the periods of every loaded timesheet of the projects the
                        new timesheets and projects name. Orders and invoices as for
                        `project_timesheets`.
    kpi_periods_digital kpi_observations_digital: a period's rows change with the sessions
                        started in it (web/sessions is append-only: a session's new event
                        may change its duration or its goal).
    campaign_members    int_campaign_members, marketing__campaign_members: a member's row
                        changes with the member, its campaign (name, channel) and its contact
                        (account, country, owner: int_contacts, itself merged on contact_id; a
                        change of accounts rebuilds both whole). -#}

{% macro merge_declaration(name) -%}
    {%- set order_accounts = {'model': 'int_erp_customer_links', 'key': 'erp_customer_id'} -%}
    {%- set declarations = {
        'orders': {'touched': {'order_id': ['erp__orders', 'erp__order_lines']},
                   'unaffected_by': ['erp__invoices', 'erp__projects']},
        'invoices': {'touched': {'invoice_id': ['erp__invoices'], 'order_id': ['erp__orders']},
                     'unaffected_by': ['erp__order_lines', 'erp__projects']},
        'project_timesheets': {'touched': {'timesheet_id': ['erp__timesheets'], 'project_id': ['erp__projects']},
                               'unaffected_by': ['erp__orders', 'erp__invoices']},
        'customer_orders': {'touched': {'order_id': ['erp__orders', 'erp__order_lines'], 'account_id': ['erp__orders']},
                            'through': {'account_id': order_accounts},
                            'unaffected_by': ['erp__invoices', 'erp__projects']},
        'first_valid_orders': {'touched': {'account_id': ['erp__orders']},
                               'through': {'account_id': order_accounts},
                               'unaffected_by': ['erp__order_lines', 'erp__invoices', 'erp__projects']},
        'order_months': {'touched': {'month_start': ['erp__orders', 'erp__order_lines']},
                         'through': {'month_start': {'source': 'erp__orders', 'key': 'order_id',
                                                     'month_of': 'ordered_at'}},
                         'unaffected_by': ['erp__invoices', 'erp__projects']},
        'kpi_periods_profitability': {'touched': {'period_start': ['erp__timesheets', 'erp__projects']},
                                      'through': {'period_start': {'source': 'erp__timesheets', 'key': 'project_id',
                                                                   'periods_of': 'work_date'}},
                                      'unaffected_by': ['erp__orders', 'erp__invoices']},
        'kpi_periods_digital': {'touched': {'period_start': ['web__sessions']},
                                'through': {'period_start': {'source': 'web__sessions', 'key': 'session_id',
                                                             'periods_of': 'started_at'}}},
        'opportunity_intervals': {'touched': {'opportunity_id': ['crm__opportunity_stage_history',
                                                                 'crm__opportunities']}},
        'campaign_members': {'touched': {'campaign_id': ['crm__campaign_members', 'crm__campaigns'],
                                         'contact_id': ['crm__campaign_members', 'crm__contacts']}},
    } -%}
    {%- if name not in declarations -%}
        {{ exceptions.raise_compiler_error("merge_declaration: no declaration '" ~ name ~ "'") }}
    {%- endif -%}
    {%- do declarations[name].setdefault('through', {}) -%}
    {{ return(declarations[name]) }}
{%- endmacro %}
