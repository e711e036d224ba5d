-- visit_to_order_ratio: orders_count / visits_done for the same period and member, the rep
-- of the order (orders.rep_id, else the account owner) against the owner of the visit; rows
-- only where visits_done > 0 (0 for a member with visits but no orders; no row for a member
-- with orders but no visits). One population: valid orders (by ordered_at) and visits done
-- (by completed_at), flagged.
-- Summed into month x member cells first (kpi_month_cells): its aggregates are counts and sums.
with orders as (
    select * from {{ ref('int_orders') }}
),

activities as (
    select * from {{ ref('int_sales_activities') }}
),

population as (
    select
        ordered_on as kpi_date,
        rep_id as sales_rep,
        rep_team as team,
        1 as is_order,
        0 as is_visit
    from orders
    where is_valid = true

    union all

    select
        completed_on as kpi_date,
        owner_rep_id as sales_rep,
        owner_team as team,
        0 as is_order,
        1 as is_visit
    from activities
    where activity_type = 'visit'
      and status = 'done'
      and completed_at is not null
),

{{ kpi_month_cells('cells', 'population', ['sales_rep', 'team'],
                   {'orders': 'sum(is_order)', 'visits': 'sum(is_visit)'}) }}

{{ kpi_observations(
    'visit_to_order_ratio', 'cells',
    numerator='sum(orders)',
    denominator='sum(visits)',
    having='sum(visits) > 0'
) }}
