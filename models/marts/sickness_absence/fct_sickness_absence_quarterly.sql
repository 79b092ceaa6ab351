with municipality_quarters as (
    select * from {{ ref('int_sickness_absence_quarters_deduplicated') }}
)

select
    year,
    quarter,
    municipality_code,
    structure_date,
    sex,
    source_name,
    footnote_marker,
    absence_days,
    absence_rate_pct,
    is_derived,
    days_status as value_status,
    rate_status,
    rate_change as absence_rate_change,
    rate_change_unit,
    rate_change_status,
    change_days,
    is_disambiguated,
    source_file,
    source_sha256,
    source_page,
    source_line
from municipality_quarters
