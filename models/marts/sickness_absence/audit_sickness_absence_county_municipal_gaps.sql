-- Where a county table and a municipal table of the same quarter and sex are both
-- loaded: each county's man-days beside the sum of its municipalities', and whether
-- they agree (see `county_municipal_gaps_sql`). `warn_when_county_and_municipal_tables_disagree`
-- reports the rows that do not.
with gaps as (
    {{ county_municipal_gaps_sql(
        ref('fct_sickness_absence_county_quarterly'),
        ref('fct_sickness_absence_quarterly'),
        ref('stg_reference__municipality_versions')
    ) }}
)

select
    year,
    quarter,
    sex,
    county_code,
    county_absence_days,
    municipalities_absence_days,
    municipalities,
    municipalities_not_published,
    gap,
    allowed_gap,
    agrees
from gaps
