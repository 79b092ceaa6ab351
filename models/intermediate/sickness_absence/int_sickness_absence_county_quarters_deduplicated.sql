-- One row per year × quarter × county × sex of the resolved county rows, chosen as
-- for municipalities (`sickness_absence_preference_order`). Rows whose name
-- resolved to no single county are left out here: the error test on
-- `int_sickness_absence_counties_resolved` names them, and the build moves them
-- to the rejects.
with resolved_counties as (
    select *
    from {{ ref('int_sickness_absence_counties_resolved') }}
    where resolution = 'resolved'
),

preferred as (
    {{ sickness_absence_preferred_rows('resolved_counties', 'county_code') }}
)

select
    year,
    quarter,
    structure_date,
    county_code,
    county_version_id,
    source_name,
    footnote_marker,
    sex,
    absence_days,
    days_status,
    change_days,
    change_status,
    absence_rate_pct,
    rate_status,
    rate_change,
    rate_change_unit,
    rate_change_status,
    is_derived,
    source_file,
    source_sha256,
    source_page,
    source_line,
    raw_line
from preferred
