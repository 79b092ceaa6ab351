-- Sickness absence of women by county, as published, with the county of the
-- table's period.
select
    year,
    quarter,
    county_code,
    county_name,
    absence_days,
    days_status,
    absence_rate_pct
from {{ ref('fct_sickness_absence_county_quarterly') }}
where sex = 'women'
order by year, quarter, county_code
