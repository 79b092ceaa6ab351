-- Keys (year × quarter × municipality × sex) where two loaded documents give
-- different man-days or rates: the marts keep one (see
-- `int_sickness_absence_quarters_deduplicated`), this lists what it set aside.
with disagreements as (
    {{ sickness_absence_disagreements_sql(ref('stg_sickness_absence__absence')) }}
)

select
    year,
    quarter,
    municipality_code,
    sex,
    source_name,
    decided_by,
    kept_absence_days,
    kept_days_status,
    kept_absence_rate_pct,
    kept_rate_status,
    other_absence_days,
    other_days_status,
    other_absence_rate_pct,
    other_rate_status,
    kept_source_file,
    kept_source_sha256,
    kept_source_line,
    other_source_file,
    other_source_sha256,
    other_source_line
from disagreements
