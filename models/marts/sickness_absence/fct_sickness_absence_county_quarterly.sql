with county_quarters as (
    select * from {{ ref('int_sickness_absence_county_quarters_deduplicated') }}
)

select
    year,
    quarter,
    county_code,
    source_name as county_name,
    sex,
    absence_days,
    days_status,
    change_days as absence_days_change,
    change_status,
    absence_rate_pct,
    rate_status,
    rate_change as absence_rate_change,
    rate_change_unit,
    rate_change_status,
    is_derived,
    structure_date,
    county_version_id,
    footnote_marker,
    source_file,
    source_sha256,
    source_page,
    source_line
from county_quarters
