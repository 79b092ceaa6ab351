-- A quarter can be in two documents of the same sex: published in one (its own
-- quarter) and derived in the next year's (days − change), or published by two
-- editions. Keep one row per municipality × sex × quarter in the order of
-- `sickness_absence_preference_order` (published, then derived, then none; then
-- file name and hash). Every figure this sets aside is listed in
-- `audit_sickness_absence_disagreements`.
with municipality_quarters as (
    select *
    from {{ ref('stg_sickness_absence__absence') }}
    where area_level = 'municipality'
),

preferred as (
    {{ sickness_absence_preferred_rows('municipality_quarters', 'municipality_code') }}
)

select
    year,
    quarter,
    area_level,
    municipality_code,
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
    split_candidates,
    is_disambiguated,
    days_split,
    source_file,
    source_sha256,
    source_page,
    source_line,
    raw_line,
    {{ sickness_absence_structure_date() }} as structure_date
from preferred
