-- Level 2: mailing list size and growth by country of the contact's account, monthly.
{{ kpi_wide(['mailing_list_size', 'mailing_list_growth_rate'], 'country', 'month') }}
